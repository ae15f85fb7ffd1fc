package org.cleanmail.core.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.scoring.EvalFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every function, on hostile messages and with odd arguments: answers, never throws. */
class HostileInputTest {
    private static final List<String> ODD_ARGUMENTS = Arrays.asList(null, "", " ", "undef", "inf", "-inf", "NaN",
        "-1", "0", "1e400", "99999999999999999999", "(", "[a-", "\\", "< 3", "!= x", "system('rm')", "All", "ALL:raw",
        "From", "Subject", "mime_qp_count", "title", "comment", "anchor", "html", "body", "img", "\u0000", "é");

    static Stream<String> hostileMessages() {
        StringBuilder nested = new StringBuilder("Subject: nested\r\n");
        for (int i = 0; i < 300; i++) {
            nested.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\r\n\r\n--b").append(i)
                .append("\r\n");
        }
        nested.append("\r\nend");
        return Stream.of(
            "",
            "\u0000\u0001\u0002",
            "Subject: no body",
            "From: <>\r\nTo: ,,,@@@\r\nDate: 99 Foo 99999 99:99:99 +9999\r\nMessage-Id: <" + "A".repeat(28) + ".>\r\n\r\nx",
            "Content-Type: text/html\r\n\r\n" + "<!--".repeat(20_000) + "<a href=".repeat(5_000),
            "Content-Type: text/html\r\n\r\n" + "<img width=999999999999 height=-1%>".repeat(2_000)
                + "<font size=+99999><title>" + "t".repeat(10_000),
            "Content-Type: multipart/alternative; boundary=x\r\n\r\n--x\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Type: text/html; charset=no-such-charset\r\n\r\n!!!!====****\r\n--x",
            "Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + "=".repeat(50_000),
            "Received: from x by y; 31 Feb 1800 25:61:61 +9999\r\n".repeat(2_000) + "\r\nbody",
            nested.toString());
    }

    @ParameterizedTest
    @MethodSource("hostileMessages")
    void everyFunctionShouldAnswerOnHostileMessagesWithOddArguments(String raw) {
        MessageFeatures features = Messages.bytes(raw.getBytes(StandardCharsets.UTF_8));
        Random random = new Random(raw.length());
        for (String name : StandardEvalFunctions.names()) {
            EvalFunction function = Messages.FUNCTIONS.get(name).orElseThrow();
            for (int call = 0; call < 20; call++) {
                List<String> arguments = new ArrayList<>();
                int count = random.nextInt(5);
                for (int i = 0; i < count; i++) {
                    arguments.add(ODD_ARGUMENTS.get(random.nextInt(ODD_ARGUMENTS.size())));
                }
                assertThatCode(() -> function.test(features, arguments)).as("%s%s", name, arguments)
                    .doesNotThrowAnyException();
            }
            assertThatCode(() -> function.test(features, List.of())).as(name).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest
    @MethodSource("hostileMessages")
    void emptyArgumentsShouldNeverFireRangeTests(String raw) {
        MessageFeatures features = Messages.bytes(raw.getBytes(StandardCharsets.UTF_8));
        for (String name : List.of("check_for_shifted_date", "html_range", "html_image_only", "check_for_uppercase",
            "check_header_count_range", "check_illegal_chars", "check_mime_multipart_ratio")) {
            assertThat(Messages.FUNCTIONS.get(name).orElseThrow().test(features, List.of())).as(name).isFalse();
        }
    }
}
