package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.core.scoring.RuleEngineTest.engine;
import static org.cleanmail.core.scoring.RuleEngineTest.scan;

import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.rules.sa.RuleLoadOptions;
import org.cleanmail.core.rules.sa.SpamAssassinRuleLoader;
import org.junit.jupiter.api.Test;

/** Header rules on SpamAssassin's relay pseudo-headers, with cases from the stock rules. */
class RelayRulesTest {
    private static final String MESSAGE = String.join("\r\n",
        "Return-Path: <bounce@sender.example>",
        "Received: from mx.example.org (mx.example.org [192.168.1.10]) by store.example.org (Postfix) with ESMTP id 1A",
        "X-Filtered: yes",
        "Received: from helo.example (unknown [198.51.100.8]) by mx.example.org (Postfix) with SMTP id 1234ABCD; "
            + "Mon,  7 Aug 2006 17:48:07 +0200",
        "Received: from localhost.localdomain (dsl-198-51-100-9.dyn.example.net [198.51.100.9]) by helo.example "
            + "(8.12.8/8.12.8) with ESMTP id h1I7hGU06122",
        "From: someone@sender.example",
        "Subject: hello",
        "",
        "body",
        "");

    private static final String STOCK_RULES = String.join("\n",
        "header __RDNS_NONE  X-Spam-Relays-External =~ /^[^\\]]+ rdns= /",
        "meta RDNS_NONE __RDNS_NONE",
        "header HELO_LH_LD   X-Spam-Relays-External =~ /^[^\\]]+ helo=localhost\\.localdomain /i",
        "header __RDNS_INDICATOR_DYN   X-Spam-Relays-External =~ /^[^\\]]+ rdns=\\S+[\\-\\.]dyn(?:amic)?[\\-\\.]/i",
        "meta RDNS_DYNAMIC __RDNS_INDICATOR_DYN",
        "header __LAST_UNTRUSTED_RELAY_NO_AUTH X-Spam-Relays-Untrusted =~ /^[^\\]]+ auth= /",
        "meta LAST_NO_AUTH __LAST_UNTRUSTED_RELAY_NO_AUTH",
        "header ANY_TRUSTED X-Spam-Relays-Trusted =~ /ip=/",
        "header FILTERED_TRUSTED ALL-TRUSTED =~ /^X-Filtered: yes$/m",
        "header FILTERED_UNTRUSTED ALL-UNTRUSTED =~ /^X-Filtered: yes$/m",
        "header ENV_SENDER EnvelopeFrom =~ /^bounce\\@sender\\.example$/",
        "");

    @Test
    void relayRulesShouldSeeWhatSpamAssassinInfersWithoutConfiguration() {
        RuleEngine engine = engine(STOCK_RULES);

        // 192.168.1.10 is private, so trusted; 198.51.100.8 breaks the trust: it has no rDNS and no auth
        assertThat(scan(engine, MESSAGE).hitNames()).containsExactlyInAnyOrder("RDNS_NONE", "LAST_NO_AUTH",
            "ANY_TRUSTED", "FILTERED_TRUSTED", "ENV_SENDER");
    }

    @Test
    void trustedNetworksInTheRulesShouldMoveTheBoundary() {
        RuleEngine engine = engine(STOCK_RULES + "trusted_networks 192.168.1.0/24 198.51.100.8\n");

        // now the first external relay is the dynamic one, whose HELO was localhost.localdomain
        assertThat(scan(engine, MESSAGE).hitNames()).containsExactlyInAnyOrder("HELO_LH_LD", "RDNS_DYNAMIC",
            "LAST_NO_AUTH", "ANY_TRUSTED", "FILTERED_TRUSTED", "ENV_SENDER");
    }

    @Test
    void badNetworkShouldBeReportedWithFileAndLine() {
        RuleSet rules = new SpamAssassinRuleLoader(RuleLoadOptions.defaults())
            .loadText("local.cf", "trusted_networks 10.0.0.0/8 mail.example.com\n");

        assertThat(rules.problems()).singleElement().asString().startsWith("local.cf:1")
            .contains("'mail.example.com' is not a network");
        assertThat(rules.relayNetworks().trusted().contains("10.1.2.3")).isTrue();
    }
}
