package org.cleanmail.core.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.core.scoring.eval.Messages.call;
import static org.cleanmail.core.scoring.eval.Messages.message;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.message.relay.RelayNetworks;
import org.cleanmail.core.scoring.EvalFunctions;
import org.junit.jupiter.api.Test;

class RelayEvalsTest {
    private static final String LOCAL = "Received: from localhost (localhost [127.0.0.1]) by mx.example.org (Postfix) "
        + "with ESMTP id 0314547C66";
    private static final String LAN = "Received: from pc.lan (pc.lan [192.168.1.20]) by mx.example.org (Postfix) "
        + "with ESMTP id 77";
    private static final String PUBLIC = "Received: from helo.example (unknown [198.51.100.8]) by mx.example.org "
        + "(Postfix) with SMTP id 1234ABCD";

    @Test
    void allTrustedShouldFireWhenEveryRelayIsTrusted() {
        assertThat(call("check_all_trusted", message(LOCAL, LAN, "Subject: x", "", "b"))).isTrue();
        assertThat(call("check_all_trusted", message(LOCAL, PUBLIC, "Subject: x", "", "b"))).isFalse();
        assertThat(call("check_all_trusted", message("Subject: x", "", "b"))).isFalse();
    }

    @Test
    void trustedNetworksOfTheRulesShouldDecide() {
        EvalFunctions configured = StandardEvalFunctions.create(FreemailDomains.none(), AddressLists.none(),
            RelayNetworks.builder().apply("trusted_networks", "198.51.100.0/24").build());
        MessageFeatures features = message(LOCAL, PUBLIC, "Subject: x", "", "b");

        assertThat(configured.get("check_all_trusted").orElseThrow().test(features, java.util.List.of())).isTrue();
    }

    @Test
    void noRelaysShouldFireWithoutReceivedFields() {
        assertThat(call("check_no_relays", message("Subject: x", "", "b"))).isTrue();
        assertThat(call("check_no_relays", message(LOCAL, "Subject: x", "", "b"))).isFalse();
        assertThat(call("check_no_relays", message("Received: from nowhere special at all", "Subject: x", "", "b")))
            .isFalse();
    }

    @Test
    void unparseableReceivedFieldShouldBeCounted() {
        assertThat(call("check_relays_unparseable", message("Received: from nowhere special at all", "Subject: x", "",
            "b"))).isTrue();
        assertThat(call("check_relays_unparseable", message(LOCAL, PUBLIC, "Subject: x", "", "b"))).isFalse();
    }

    @Test
    void dotcomHeloWithoutReverseDnsShouldFire() {
        assertThat(call("check_for_no_rdns_dotcom_helo", message("Received: from mx02.hotmail.com (unknown "
            + "[198.51.100.9]) by mx.example.org (Postfix) with SMTP id 5", "Subject: x", "", "b"))).isTrue();
        assertThat(call("check_for_no_rdns_dotcom_helo", message("Received: from mx02.hotmail.com (mx02.hotmail.com "
            + "[198.51.100.9]) by mx.example.org (Postfix) with SMTP id 5", "Subject: x", "", "b"))).isFalse();
    }

    @Test
    void envelopeSenderShouldBeComparedWithFrom() {
        assertThat(call("check_for_matching_env_and_hdr_from", message("Return-Path: <Ann@Example.com>", PUBLIC,
            "From: Ann <ann@example.com>", "", "b"))).isTrue();
        assertThat(call("check_for_matching_env_and_hdr_from", message("Return-Path: <bounce@lists.example.org>",
            PUBLIC, "From: Ann <ann@example.com>", "", "b"))).isFalse();
    }

    @Test
    void envelopeSenderDomainShouldMatchTheHandingOverRelay() {
        String relay = "Received: from out.example.com (mx2.mail.example.com [198.51.100.9]) by mx.example.org "
            + "(Postfix) with ESMTP id 5";
        assertThat(call("check_mailfrom_matches_rcvd", message("Return-Path: <ann@news.example.com>", relay,
            "Subject: x", "", "b"))).isTrue();
        assertThat(call("check_mailfrom_matches_rcvd", message("Return-Path: <ann@other.example>", relay,
            "Subject: x", "", "b"))).isFalse();
    }
}
