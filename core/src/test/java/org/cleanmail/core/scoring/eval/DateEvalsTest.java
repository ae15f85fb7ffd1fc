package org.cleanmail.core.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.core.scoring.eval.Messages.call;
import static org.cleanmail.core.scoring.eval.Messages.message;

import org.cleanmail.core.message.MessageFeatures;
import org.junit.jupiter.api.Test;

class DateEvalsTest {
    private static MessageFeatures dated(String date) {
        return message("Received: from mx.example.com by mail.example.org; Tue, 24 Nov 2026 10:00:00 +0000",
            "Date: " + date, "From: a@example.com", "", "x");
    }

    @Test
    void dateTwoDaysAheadOfReceivedShouldBeInTheFuture24To48() {
        MessageFeatures features = dated("Thu, 26 Nov 2026 09:00:00 +0000");

        assertThat(call("check_for_shifted_date", features, "24", "48")).isTrue();
        assertThat(call("check_for_shifted_date", features, "48", "96")).isFalse();
    }

    @Test
    void zonesShouldBeTakenIntoAccount() {
        MessageFeatures features = dated("Tue, 24 Nov 2026 05:00:00 EST");

        assertThat(call("check_for_shifted_date", features, "-6", "-3")).isFalse();
        assertThat(call("check_for_shifted_date", features, "undef", "-96")).isFalse();
    }

    @Test
    void dateLongBeforeReceivedShouldMatchAnOpenLowerBound() {
        MessageFeatures features = dated("Sat, 1 Jan 2000 00:00:00 +0000");

        assertThat(call("check_for_shifted_date", features, "undef", "-96")).isTrue();
        assertThat(call("check_for_shifted_date", features, "-6", "-3")).isFalse();
    }

    @Test
    void twoDigitYearsShouldBeRead() {
        MessageFeatures features = dated("Tue, 24 Nov 26 13:30:00 +0000");

        assertThat(call("check_for_shifted_date", features, "3", "6")).isTrue();
    }

    @Test
    void messageWithoutReceivedHeadersShouldNotBeShifted() {
        MessageFeatures features = message("Date: Sat, 1 Jan 2000 00:00:00 +0000", "", "x");

        assertThat(call("check_for_shifted_date", features, "undef", "-96")).isFalse();
    }

    @Test
    void unreadableDatesAndArgumentsShouldNotFire() {
        assertThat(call("check_for_shifted_date", dated("yesterday-ish"), "undef", "-96")).isFalse();
        assertThat(call("check_for_shifted_date", dated("Thu, 26 Nov 2026 10:00:00 +0000"), "soon", "48")).isFalse();
        assertThat(call("check_for_shifted_date", dated("Thu, 99 Foo 99999 99:99:99 +9999"))).isFalse();
    }
}
