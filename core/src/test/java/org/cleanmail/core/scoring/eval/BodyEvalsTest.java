package org.cleanmail.core.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.core.scoring.eval.Messages.call;
import static org.cleanmail.core.scoring.eval.Messages.message;

import java.util.Locale;

import org.cleanmail.core.message.MessageFeatures;
import org.junit.jupiter.api.Test;

class BodyEvalsTest {
    private static final String PROSE = "Shall we meet at noon tomorrow? I would like to talk about the project, "
        + "the budget for next year and the people we still need to hire before the summer. "
        + "Let me know what suits you best, and whether Anna can join us.";

    @Test
    void blankLineRatioShouldFireOnMostlyBlankText() {
        MessageFeatures features = message("Subject: x", "", "a", "", "", "", "", "", "", "", "", "b");

        assertThat(call("check_blank_line_ratio", features, "70", "90", "4")).isTrue();
        assertThat(call("check_blank_line_ratio", features, "0", "10", "4")).isFalse();
    }

    @Test
    void blankLineRatioShouldNotFireOnOrdinaryTextOrOddArguments() {
        MessageFeatures features = message("Subject: x", "", PROSE, PROSE, "", PROSE);

        assertThat(call("check_blank_line_ratio", features, "80", "90", "4")).isFalse();
        assertThat(call("check_blank_line_ratio", features, "x", "90")).isFalse();
    }

    @Test
    void verticalWordsShouldFireOnSpacedOutLetters() {
        MessageFeatures features = message("Subject: x", "", "V I A G R A   N O W   C H E A P");

        assertThat(call("tvd_vertical_words", features, "90", "100")).isTrue();
        assertThat(call("tvd_vertical_words", features, "0", "10")).isFalse();
    }

    @Test
    void verticalWordsShouldPlaceOrdinaryProseLow() {
        assertThat(call("tvd_vertical_words", message("Subject: x", "", PROSE), "10", "30")).isTrue();
        assertThat(call("tvd_vertical_words", message("Subject: x", "", PROSE), "90", "100")).isFalse();
        assertThat(call("tvd_vertical_words", message("Subject: x", "", PROSE), "ten", "30")).isFalse();
    }

    @Test
    void stockInfoShouldCountStockTipLabels() {
        MessageFeatures features = message("Subject: hot pick", "", "Company: Foo Corp", "Symbol: FOOC",
            "Current Price: $0.12", "Target: $1.50");

        assertThat(call("check_stock_info", features, "2")).isTrue();
        assertThat(call("check_stock_info", message("Subject: x", "", PROSE), "2")).isFalse();
        assertThat(call("check_stock_info", features, "many")).isFalse();
    }

    @Test
    void uppercaseShouldFireOnShoutedText() {
        MessageFeatures features = message("Subject: x", "", PROSE.toUpperCase(Locale.ROOT));

        assertThat(call("check_for_uppercase", features, "75", "100")).isTrue();
        assertThat(call("check_for_uppercase", message("Subject: x", "", PROSE), "25", "100")).isFalse();
    }

    @Test
    void uppercaseRangesOfOneMessageShouldShareItsShare() {
        String half = PROSE.substring(0, PROSE.length() / 2);
        // about 60% capitals: the share, worked out once, falls in one range only
        MessageFeatures features = message("Subject: x", "", PROSE.toUpperCase(Locale.ROOT) + "\n" + half);

        assertThat(call("check_for_uppercase", features, "75", "100")).isFalse();
        assertThat(call("check_for_uppercase", features, "50", "75")).isTrue();
        assertThat(call("check_for_uppercase", features, "25", "50")).isFalse();
    }

    @Test
    void uppercaseShouldIgnoreShortTextsCharsetsLikelyToLookCapitalAndOddArguments() {
        assertThat(call("check_for_uppercase", message("Subject: x", "", "BUY NOW"), "75", "100")).isFalse();
        MessageFeatures japanese = message("Subject: x", "Content-Type: text/plain; charset=iso-2022-jp", "",
            PROSE.toUpperCase(Locale.ROOT));
        assertThat(call("check_for_uppercase", japanese, "75", "100")).isFalse();
        assertThat(call("check_for_uppercase", message("Subject: x", "", PROSE), "a", "b")).isFalse();
    }

    @Test
    void alternativeDifferenceShouldFireWhenTheTextVersionIsUnrelated() {
        MessageFeatures unrelated = alternative("Dear friend, please read the attached letter",
            "<p>Cheap watches and pills, order today</p>");
        MessageFeatures matching = alternative("Cheap watches and pills, order today",
            "<p>Cheap watches and pills, order today</p>");

        assertThat(call("multipart_alternative_difference", unrelated, "99", "100")).isTrue();
        assertThat(call("multipart_alternative_difference", matching, "99", "100")).isFalse();
        assertThat(call("multipart_alternative_difference", matching, "0", "1")).isTrue();
        assertThat(call("multipart_alternative_difference", PLAIN_MESSAGE, "99", "100")).isFalse();
        assertThat(call("multipart_alternative_difference", unrelated, "lots", "100")).isFalse();
    }

    @Test
    void alternativeDifferenceCountShouldFireWhenTheTextVersionHasFarMoreWords() {
        MessageFeatures padded = alternative(PROSE, "<p>Buy now</p>");

        assertThat(call("multipart_alternative_difference_count", padded, "3", "1")).isTrue();
        assertThat(call("multipart_alternative_difference_count", alternative("Buy now", "<p>Buy now</p>"), "3", "1"))
            .isFalse();
        assertThat(call("multipart_alternative_difference_count", padded, "3")).isFalse();
    }

    private static final MessageFeatures PLAIN_MESSAGE = message("Subject: x", "", PROSE);

    private static MessageFeatures alternative(String text, String html) {
        return message("Subject: x", "Content-Type: multipart/alternative; boundary=b", "",
            "--b", "Content-Type: text/plain", "", text, "--b", "Content-Type: text/html", "", html, "--b--");
    }
}
