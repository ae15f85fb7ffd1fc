package org.cleanmail.core.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.core.scoring.eval.Messages.call;
import static org.cleanmail.core.scoring.eval.Messages.message;

import java.util.List;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.scoring.EvalFunctions;
import org.junit.jupiter.api.Test;

class FreemailEvalsTest {
    private static final MessageFeatures CORPORATE = message("From: ann@example.com", "Reply-To: ann@example.com",
        "Subject: x", "", "Hello");

    @Test
    void freemailFromShouldFireForAFreeMailSender() {
        assertThat(call("check_freemail_from", message("From: Joe <joe1985@hotmail.com>", "", "x"))).isTrue();
        assertThat(call("check_freemail_from", message("From: joe@yahoo.fr", "", "x"))).isTrue();
        assertThat(call("check_freemail_from", CORPORATE)).isFalse();
    }

    @Test
    void freemailShouldHonourWelcomedAndRoleAddresses() {
        assertThat(call("check_freemail_from", message("From: friend@gmail.com", "", "x"))).isFalse();
        assertThat(call("check_freemail_from", message("From: postmaster@hotmail.com", "", "x"))).isFalse();
    }

    @Test
    void wildcardsShouldNotCrossDots() {
        assertThat(call("check_freemail_from", message("From: a@mail.ru", "", "x"))).isTrue();
        assertThat(call("check_freemail_from", message("From: a@mail.xx.ru", "", "x"))).isFalse();
    }

    @Test
    void freemailHeaderShouldApplyItsRegex() {
        MessageFeatures features = message("From: a@example.com", "Reply-To: joe1985@hotmail.com", "", "x");

        assertThat(call("check_freemail_header", features, "Reply-To")).isTrue();
        assertThat(call("check_freemail_header", features, "Reply-To", "\\d@")).isTrue();
        assertThat(call("check_freemail_header", features, "Reply-To", "^x")).isFalse();
        assertThat(call("check_freemail_header", features, "Reply-To", "(broken")).isFalse();
        assertThat(call("check_freemail_header", CORPORATE, "Reply-To")).isFalse();
        assertThat(call("check_freemail_header", features)).isFalse();
    }

    @Test
    void replyToShouldFireWhenRepliesGoToAnotherFreeMailAddress() {
        MessageFeatures features = message("From: lottery@hotmail.com", "Reply-To: claims@gmail.com", "", "x");

        assertThat(call("check_freemail_replyto", features, "replyto")).isTrue();
        assertThat(call("check_freemail_replyto", CORPORATE, "replyto")).isFalse();
        assertThat(call("check_freemail_replyto", features, "sideways")).isFalse();
    }

    @Test
    void theEnvelopeSenderShouldBeReadFromTheReturnPathAboveTheReceivedFields() {
        MessageFeatures free = message("Return-Path: <joe1985@hotmail.com>",
            "Received: from a.example (a.example [203.0.113.9]) by mx.example; Mon, 1 Jan 2024 00:00:00 +0000",
            "From: lottery@hotmail.com", "Reply-To: claims@gmail.com", "", "x");
        MessageFeatures bulk = message("Return-Path: <news-bounces@lists.example>",
            "Received: from a.example (a.example [203.0.113.9]) by mx.example; Mon, 1 Jan 2024 00:00:00 +0000",
            "From: lottery@hotmail.com", "Reply-To: claims@gmail.com", "", "x");

        assertThat(call("check_freemail_header", free, "EnvelopeFrom")).isTrue();
        assertThat(call("check_freemail_header", bulk, "EnvelopeFrom")).isFalse();
        assertThat(call("check_freemail_replyto", free, "replyto")).isTrue();
        assertThat(call("check_freemail_replyto", bulk, "replyto")).as("a bulk envelope sender: a list's replies").isFalse();
    }

    @Test
    void replyShouldFireWhenTheBodyAsksToWriteToAnotherFreeMailAddress() {
        MessageFeatures features = message("From: lottery@hotmail.com", "Subject: you won", "",
            "Send your details to claims.agent@gmail.com today.");

        assertThat(call("check_freemail_replyto", features, "reply")).isTrue();
        assertThat(call("check_freemail_body", features)).isTrue();
        assertThat(call("check_freemail_body", CORPORATE)).isFalse();
    }

    @Test
    void withoutDomainsNothingShouldFire() {
        EvalFunctions none = StandardEvalFunctions.create(FreemailDomains.none(), AddressLists.none());

        assertThat(none.get("check_freemail_from").orElseThrow()
            .test(message("From: joe@hotmail.com", "", "x"), List.of())).isFalse();
    }
}
