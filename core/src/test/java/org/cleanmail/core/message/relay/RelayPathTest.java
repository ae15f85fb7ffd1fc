package org.cleanmail.core.message.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.cleanmail.core.message.MessageHeaders;
import org.cleanmail.core.message.MessageParser;
import org.junit.jupiter.api.Test;

class RelayPathTest {
    private static final String INTERNAL_HOP = "from mail.example.com (mail.example.com [203.0.113.5]) by mx.example.org "
        + "(8.12.8/8.12.8) with ESMTP id h1I7hGU06122 for <bob@example.org>; Tue, 18 Feb 2003 09:43:16 +0200";
    private static final String TRUSTED_HOP = "from smtp.sender.example (smtp.sender.example [198.51.100.7]) by "
        + "mx.example.org (Postfix) with ESMTP id 846CF2117 for <bob@example.org>; Mon,  7 Aug 2006 17:48:07 +0200";
    private static final String EXTERNAL_HOP = "from helo.example (unknown [198.51.100.8]) by mx.example.org (Postfix) "
        + "with SMTP id 1234ABCD; Mon,  7 Aug 2006 17:48:07 +0200";

    private static MessageHeaders headers(String... lines) {
        String message = String.join("\r\n", lines) + "\r\n\r\nbody\r\n";
        return MessageParser.defaultParser().parse(message.getBytes(StandardCharsets.UTF_8)).headers();
    }

    @Test
    void configuredNetworksShouldSplitAsSpamAssassin() {
        RelayNetworks networks = RelayNetworks.builder().apply("trusted_networks", "203.0.113.0/24 198.51.100.7")
            .apply("internal_networks", "203.0.113.5").build();

        RelayPath path = RelayPath.of(headers("Received: " + INTERNAL_HOP, "Received: " + TRUSTED_HOP,
            "Received: " + EXTERNAL_HOP, "Subject: hi"), networks);

        // what spamassassin -D metadata printed with the same configuration
        assertThat(path.trustedText()).isEqualTo("[ ip=203.0.113.5 rdns=mail.example.com helo=mail.example.com "
            + "by=mx.example.org ident= envfrom= intl=1 id=h1I7hGU06122 auth= msa=0 ] [ ip=198.51.100.7 "
            + "rdns=smtp.sender.example helo=smtp.sender.example by=mx.example.org ident= envfrom= intl=0 id=846CF2117 "
            + "auth= msa=0 ]");
        assertThat(path.untrustedText()).isEqualTo("[ ip=198.51.100.8 rdns= helo=helo.example by=mx.example.org ident= "
            + "envfrom= intl=0 id=1234ABCD auth= msa=0 ]");
        assertThat(path.internal()).extracting(Relay::ip).containsExactly("203.0.113.5");
        assertThat(path.external()).extracting(Relay::ip).containsExactly("198.51.100.7", "198.51.100.8");
    }

    @Test
    void withoutConfigurationPrivateAndAuthenticatedRelaysShouldBeTrusted() {
        RelayPath path = RelayPath.of(headers(
            "Received: from localhost (localhost [127.0.0.1]) by mx.example.org (Postfix) with ESMTP id 0314547C66",
            "Received: from client.example (client.example [198.51.100.12]) by james.example.org (JAMES SMTP Server ) "
                + "with ESMTPA ID 4f2b9a10 for <bob@example.org>; Mon, 1 Jan 2018 10:00:00 +0000",
            "Received: " + EXTERNAL_HOP,
            "Received: from lan.example (lan.example [192.168.1.2]) by mx.example.org (Postfix) with SMTP id 99"),
            RelayNetworks.defaults());

        assertThat(path.trusted()).extracting(Relay::ip).containsExactly("127.0.0.1", "198.51.100.12");
        assertThat(path.untrusted()).extracting(Relay::ip).containsExactly("198.51.100.8", "192.168.1.2");
        assertThat(path.internalText()).isEqualTo(path.trustedText()).contains("intl=1");
        assertThat(path.externalText()).isEqualTo(path.untrustedText()).doesNotContain("intl=1");
    }

    @Test
    void popFetchWhileTrustedShouldRestartTheTrustedRelays() {
        RelayPath path = RelayPath.of(headers(
            "Received: from localhost (localhost [127.0.0.1]) by mx.example.org (Postfix) with ESMTP id 0314547C66",
            "Received: from pop.example.net [198.51.100.50] by localhost with POP3 (fetchmail-5.9.0) for bob@localhost",
            "Received: " + EXTERNAL_HOP), RelayNetworks.defaults());

        assertThat(path.trusted()).isEmpty();
        assertThat(path.untrusted()).extracting(Relay::ip).containsExactly("198.51.100.8");
    }

    @Test
    void allTrustedAndUntrustedShouldSplitTheHeaderAtTheBoundary() {
        RelayNetworks networks = RelayNetworks.builder().apply("trusted_networks", "203.0.113.5").build();
        RelayPath path = RelayPath.of(headers("X-Top: 1", "Received: " + INTERNAL_HOP, "X-Middle: 2",
            "Received: " + EXTERNAL_HOP, "X-Bottom: 3"), networks);

        assertThat(path.allHeaders("ALL-TRUSTED", false)).get().asString()
            .startsWith("X-Top: 1\nReceived: from mail.example.com").contains("X-Middle: 2\nReceived: from helo.example")
            .doesNotContain("X-Bottom");
        assertThat(path.allHeaders("ALL-UNTRUSTED", false)).get().asString()
            .startsWith("Received: from helo.example").endsWith("X-Bottom: 3\n");
        assertThat(path.allHeaders("ALL-INTERNAL", false)).isEqualTo(path.allHeaders("ALL-TRUSTED", false));
    }

    @Test
    void envelopeFromShouldComeFromTheLastUntrustedRelayElseReturnPath() {
        RelayPath fromRelay = RelayPath.of(headers("Return-Path: <bounce@example.net>", "Received: from host.example "
            + "([198.51.100.10] helo=client.example ident=joe) by mx.example.org with esmtp (Exim 4.69) "
            + "(envelope-from <joe@example.com>) id 1Abcde-0001xY-AB"), RelayNetworks.defaults());
        RelayPath fromReturnPath = RelayPath.of(headers("Return-Path: <bounce@example.net>", "Received: " + EXTERNAL_HOP),
            RelayNetworks.defaults());
        RelayPath returnPathBelowReceived = RelayPath.of(headers("Received: " + EXTERNAL_HOP,
            "Return-Path: <bounce@example.net>"), RelayNetworks.defaults());
        RelayPath configured = RelayPath.of(headers("X-Envelope: <env@example.org>", "Received: " + EXTERNAL_HOP),
            RelayNetworks.builder().apply("envelope_sender_header", "X-Envelope").build());

        assertThat(fromRelay.envelopeFrom()).contains("joe@example.com");
        assertThat(fromReturnPath.envelopeFrom()).contains("bounce@example.net");
        assertThat(returnPathBelowReceived.envelopeFrom()).isEmpty();
        assertThat(RelayPath.of(headers("Return-Path: <first@sender.example>", "Received: " + EXTERNAL_HOP,
            "Return-Path: <second@sender.example>"), RelayNetworks.defaults()).envelopeFrom())
            .as("a Return-Path below a Received field makes them all untrustworthy, as in SpamAssassin").isEmpty();
        assertThat(configured.envelopeFrom()).contains("env@example.org");
    }

    @Test
    void originatingIpHeadersShouldAddARelay() {
        RelayNetworks networks = RelayNetworks.builder().apply("originating_ip_headers", "X-Originating-IP").build();

        RelayPath path = RelayPath.of(headers("Received: " + EXTERNAL_HOP, "X-Originating-IP: [203.0.113.99]"), networks);

        assertThat(path.untrusted()).extracting(Relay::ip).containsExactly("198.51.100.8", "203.0.113.99");
        assertThat(path.untrusted().get(1).by()).isEmpty();
    }

    @Test
    void manyReceivedFieldsShouldBeAnalysed() {
        String[] lines = new String[1000];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = "Received: from h" + i + ".example (h" + i + ".example [198.51.100." + (i % 250) + "]) by "
                + "mx.example.org (Postfix) with SMTP id " + i;
        }

        assertThat(RelayPath.of(headers(lines), RelayNetworks.defaults()).untrusted()).hasSize(1000);
    }

    @Test
    void sameHeaderAndNetworksShouldGiveTheSamePathOnce() {
        MessageHeaders message = headers("Received: " + EXTERNAL_HOP, "Subject: hi");
        RelayNetworks trusting = RelayNetworks.builder().apply("trusted_networks", "198.51.100.8").build();

        RelayPath first = RelayPath.of(message, RelayNetworks.defaults());

        assertThat(RelayPath.of(message, RelayNetworks.defaults())).isSameAs(first);
        assertThat(RelayPath.of(message, trusting).trusted()).extracting(Relay::ip).containsExactly("198.51.100.8");
        assertThat(first.trusted()).isEmpty();
    }
}
