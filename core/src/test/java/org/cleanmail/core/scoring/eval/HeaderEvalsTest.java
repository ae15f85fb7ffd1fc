package org.cleanmail.core.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.core.scoring.eval.Messages.call;
import static org.cleanmail.core.scoring.eval.Messages.message;

import org.cleanmail.core.message.MessageFeatures;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HeaderEvalsTest {
    private static final MessageFeatures PLAIN = message("From: Ann <ann@example.com>", "To: bob@example.org",
        "Subject: Lunch tomorrow?", "Date: Tue, 24 Nov 2026 10:00:00 +0000", "Message-Id: <abc@example.com>", "",
        "Shall we meet at noon?");

    @Nested
    class MissingTo {
        @Test
        void missingToHeaderShouldFireWithoutATo() {
            assertThat(call("check_for_missing_to_header", message("From: a@example.com", "Subject: x", "", "body")))
                .isTrue();
        }

        @Test
        void missingToHeaderShouldNotFireWithATo() {
            assertThat(call("check_for_missing_to_header", PLAIN)).isFalse();
        }

        @Test
        void missingToHeaderShouldNotFireOnAnEmptyTo() {
            assertThat(call("check_for_missing_to_header", message("From: a@example.com", "To: ", "", "body")))
                .isFalse();
        }

        @Test
        void missingToHeaderShouldAcceptApparentlyTo() {
            assertThat(call("check_for_missing_to_header",
                message("From: a@example.com", "Apparently-To: b@example.org", "", "body"))).isFalse();
        }
    }

    @Nested
    class EqualFromDomains {
        @Test
        void shouldFireWhenEnvelopeSenderIsElsewhere() {
            assertThat(call("check_equal_from_domains", message("Return-Path: <bounce@mailer.example.net>",
                "From: ann@news.example.com", "", "x"))).isTrue();
        }

        @Test
        void shouldNotFireForSubdomainsOfTheSameDomain() {
            assertThat(call("check_equal_from_domains", message("Return-Path: <bounce@bounces.example.com>",
                "From: ann@news.example.com", "", "x"))).isFalse();
        }

        @Test
        void shouldReadTheEnvelopeSenderTheFirstExternalRelayRecorded() {
            MessageFeatures features = message(
                "Received: from mx.example.org (localhost [127.0.0.1]) by mx.example.org (envelope-from x@example.com)",
                "Received: from relay.example.net ([203.0.113.7]) by mx.example.org (envelope-from <list@lists.example.net>)",
                "Return-Path: <ann@news.example.com>", "From: ann@news.example.com", "", "x");

            assertThat(call("check_equal_from_domains", features)).isTrue();
        }

        @Test
        void shouldNotTrustHeadersWrittenByAFetchingClient() {
            assertThat(call("check_equal_from_domains", message("Return-Path: <bounce@mailer.example.net>",
                "Received: from localhost by home with POP3 (fetchmail-5.9.0)", "X-Sender: ann@pop.example.com",
                "From: ann@news.example.com", "", "x"))).isFalse();
        }

        @Test
        void shouldNotTrustAnEnvelopeHeaderBelowAReceived() {
            assertThat(call("check_equal_from_domains", message("Received: from a by b; 1 Jan 2020 00:00:00 +0000",
                "Return-Path: <bounce@mailer.example.net>", "From: ann@news.example.com", "", "x"))).isFalse();
        }

        @Test
        void shouldNotFireWithoutAnEnvelopeSender() {
            assertThat(call("check_equal_from_domains", PLAIN)).isFalse();
        }
    }

    @Nested
    class IllegalChars {
        @Test
        void shouldFireOnControlCharactersInTheSubject() {
            MessageFeatures features = message("From: a@example.com", "Subject: buy \u0001\u0002 now", "", "x");

            assertThat(call("check_illegal_chars", features, "Subject", "0.00", "2")).isTrue();
        }

        @Test
        void shouldNotFireOnAsciiHeaders() {
            assertThat(call("check_illegal_chars", PLAIN, "ALL", "0.010", "2")).isFalse();
        }

        @Test
        void shouldFireOnRawEightBitBytes() {
            MessageFeatures features = message("From: a@example.com", "Subject: \u00e9\u00e8\u00ea\u00eb offre", "", "x");

            assertThat(call("check_illegal_chars", features, "Subject", "0.00", "2")).isTrue();
        }

        @Test
        void shouldNotFireOnOddArguments() {
            assertThat(call("check_illegal_chars", PLAIN, "Subject", "lots")).isFalse();
            assertThat(call("check_illegal_chars", PLAIN)).isFalse();
        }
    }

    @Nested
    class SubjectIsAllCaps {
        @Test
        void shouldFireOnAShoutedSubject() {
            assertThat(call("subject_is_all_caps", message("Subject: Re: BUY CHEAP WATCHES NOW", "", "x"))).isTrue();
        }

        @Test
        void shouldNotFireOnAnOrdinarySubject() {
            assertThat(call("subject_is_all_caps", PLAIN)).isFalse();
        }

        @Test
        void shouldNotFireOnOneWordOrShortSubjects() {
            assertThat(call("subject_is_all_caps", message("Subject: HELLOWORLDAGAIN", "", "x"))).isFalse();
            assertThat(call("subject_is_all_caps", message("Subject: HI YOU", "", "x"))).isFalse();
            assertThat(call("subject_is_all_caps", message("From: a@example.com", "", "x"))).isFalse();
        }
    }

    @Nested
    class MessageIds {
        @Test
        void ratwareNameIdShouldFireWhenTheFromAddressEchoesTheMessageId() {
            MessageFeatures features = message("Message-Id: <ABCDEFGHIJKLMNOPQRSTUVWXYZAB.joe@example.com>",
                "From: \"Joe\" <joe@example.com>", "", "x");

            assertThat(call("check_ratware_name_id", features)).isTrue();
            assertThat(call("check_ratware_name_id", PLAIN)).isFalse();
        }

        @Test
        void outlookMessageIdShouldFireWhenItsTimeIsFarFromTheDate() {
            MessageFeatures forged = message("Message-Id: <000001c2b5e4$9d1e5a40$0200a8c0@example.com>",
                "Date: Tue, 24 Nov 2026 10:00:00 +0000", "", "x");

            assertThat(call("check_outlook_message_id", forged)).isTrue();
            assertThat(call("check_outlook_message_id", PLAIN)).isFalse();
        }

        @Test
        void outlookMessageIdShouldNotFireWhenItsTimeMatchesTheDate() {
            long seconds = 1_700_000_000L;
            long ticks = (long) (seconds * 0.0023283064365387 + 27111902.8329849);
            MessageFeatures genuine = message("Message-Id: <0000" + String.format("%08x", ticks)
                + "$9d1e5a40$0200a8c0@example.com>", "Date: Tue, 14 Nov 2023 22:13:20 +0000", "", "x");

            assertThat(call("check_outlook_message_id", genuine)).isFalse();
        }

        @Test
        void messageIdNotUsableShouldFireForListsThatRewriteIt() {
            assertThat(call("check_messageid_not_usable", message(
                "List-Unsubscribe: <mailto:leave-list-123@lists.example.com>", "", "x"))).isTrue();
            assertThat(call("check_messageid_not_usable", PLAIN)).isFalse();
        }
    }

    @Nested
    class HeaderCountRange {
        @Test
        void shouldFireOnTwoDifferentSubjects() {
            MessageFeatures features = message("Subject: one", "Subject: two", "", "x");

            assertThat(call("check_header_count_range", features, "Subject", "2", "999")).isTrue();
        }

        @Test
        void shouldCountIdenticalFieldsOnce() {
            MessageFeatures features = message("Subject: one", "Subject: one", "", "x");

            assertThat(call("check_header_count_range", features, "Subject", "2", "999")).isFalse();
        }

        @Test
        void shouldNotFireOnOddArguments() {
            assertThat(call("check_header_count_range", PLAIN, "Subject", "two", "999")).isFalse();
            assertThat(call("check_header_count_range", PLAIN)).isFalse();
        }
    }

    @Nested
    class ToInSubject {
        @Test
        void shouldFireWhenTheSubjectAddressesTheRecipientByLocalPart() {
            MessageFeatures features = message("To: bob@example.org", "Subject: bob, your invoice is ready", "", "x");

            assertThat(call("check_for_to_in_subject", features, "user")).isTrue();
        }

        @Test
        void shouldFindTheRecipientInAnyCase() {
            assertThat(call("check_for_to_in_subject",
                message("To: bob@example.org", "Subject: Note for BOB@Example.org today", "", "x"), "address")).isTrue();
            assertThat(call("check_for_to_in_subject", message("To: bob@example.org", "Subject: Re: BOB", "", "x"), "user"))
                .isTrue();
            assertThat(call("check_for_to_in_subject",
                message("To: bob@example.org", "Subject: Note for alice@example.org", "", "x"), "address")).isFalse();
        }

        @Test
        void shouldNotFireOnAnOrdinarySubject() {
            assertThat(call("check_for_to_in_subject", PLAIN, "user")).isFalse();
            assertThat(call("check_for_to_in_subject", PLAIN, "something")).isFalse();
        }
    }

    @Nested
    class UnresolvedTemplate {
        @Test
        void shouldFireOnAPlaceholderLeftInAHeader() {
            assertThat(call("check_unresolved_template", message("X-Mailer: %MAILER_NAME", "", "x"))).isTrue();
        }

        @Test
        void shouldIgnorePlaceholdersInExemptHeaders() {
            assertThat(call("check_unresolved_template", message("Subject: 50%OFF", "", "x"))).isFalse();
            assertThat(call("check_unresolved_template", PLAIN)).isFalse();
        }
    }
}
