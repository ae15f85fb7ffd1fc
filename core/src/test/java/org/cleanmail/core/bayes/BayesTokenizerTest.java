package org.cleanmail.core.bayes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.message.MessageParser;
import org.junit.jupiter.api.Test;

class BayesTokenizerTest {
    private final BayesTokenizer tokenizer = new BayesTokenizer();

    private static MessageFeatures parse(String message) {
        return MessageParser.defaultParser().parse(message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static boolean has(long[] tokens, String token) {
        return Arrays.binarySearch(tokens, BayesTokenizer.hash(token)) >= 0;
    }

    @Test
    void tokensShouldComeFromSubjectBodyHeadersAndLinks() {
        long[] tokens = tokenizer.tokens(parse("From: Alice <alice@example.com>\n"
            + "Message-ID: <123@mailer.example.net>\n"
            + "X-Mailer: Outlook Express 6\n"
            + "Subject: Cheap watches\n"
            + "Content-Type: text/plain\n\n"
            + "Buy our WATCHES now, at $100! See http://shop.example.org/x today.\n"));

        assertThat(has(tokens, "S:cheap")).isTrue();
        assertThat(has(tokens, "watches")).isTrue();
        assertThat(has(tokens, "$100!")).isTrue();
        assertThat(has(tokens, "now")).isTrue();
        assertThat(has(tokens, "H*F:alice@example.com")).isTrue();
        assertThat(has(tokens, "H*F:d:example.com")).isTrue();
        assertThat(has(tokens, "H*MI:mailer.example.net")).isTrue();
        assertThat(has(tokens, "H*UA:outlook")).isTrue();
        assertThat(has(tokens, "H*CT:text/plain")).isTrue();
        assertThat(has(tokens, "U:shop.example.org")).isTrue();
        assertThat(has(tokens, "at")).as("shorter than 3 characters").isFalse();
    }

    @Test
    void theReceivingServersOwnReceivedFieldShouldBeLeftOut() {
        long[] tokens = tokenizer.tokens(parse("Received: from relay.example.net by mx.ours.org\n"
            + "Received: from mail.isp.net by relay.example.net\n"
            + "Subject: x\n\nbody\n"));
        assertThat(has(tokens, "Hreceived:mail.isp.net")).isTrue();
        assertThat(has(tokens, "Hreceived:mx.ours.org")).isFalse();
    }

    @Test
    void longWordsShouldGiveTheirFirstSevenCharacters() {
        long[] tokens = tokenizer.tokens(parse("Subject: x\n\nsupercalifragilistic\n"));
        assertThat(has(tokens, "sk:superca")).isTrue();
        assertThat(has(tokens, "supercalifragilistic")).isFalse();
    }

    @Test
    void tokensShouldBeDistinctAndSorted() {
        long[] tokens = tokenizer.tokens(parse("Subject: x\n\nagain again AGAIN again\n"));
        long[] sorted = tokens.clone();
        Arrays.sort(sorted);
        assertThat(tokens).isEqualTo(sorted);
        assertThat(Arrays.stream(tokens).distinct().count()).isEqualTo(tokens.length);
    }

    @Test
    void aHugeMessageShouldGiveABoundedNumberOfTokens() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            body.append("word").append(i).append(' ');
        }
        long[] tokens = tokenizer.tokens(parse("Subject: big\n\n" + body + "\n"));
        assertThat(tokens.length).isLessThanOrEqualTo(BayesTokenizer.MAXIMUM_TOKENS);
        assertThat(has(tokens, "S:big")).isTrue();
    }
}
