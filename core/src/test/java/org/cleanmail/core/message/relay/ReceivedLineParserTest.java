package org.cleanmail.core.message.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Received formats of common MTAs; each expected text is what SpamAssassin 4.0.1 printed for
 * the same line ({@code spamassassin -L -D received-header}, "parsed as").
 */
class ReceivedLineParserTest {
    private final ReceivedLineParser parser = new ReceivedLineParser();

    static Stream<Arguments> formats() {
        return Stream.of(
        Arguments.of("sendmail", "from mail.example.com (mail.example.com [203.0.113.5]) by mx.example.org (8.12.8/8.12.8) with ESMTP id h1I7hGU06122 for <bob@example.org>; Tue, 18 Feb 2003 09:43:16 +0200",
            "[ ip=203.0.113.5 rdns=mail.example.com helo=mail.example.com by=mx.example.org ident= envfrom= intl=0 id=h1I7hGU06122 auth= msa=0 ]"),
        Arguments.of("postfix", "from smtp.sender.example (smtp.sender.example [198.51.100.7]) by mx.example.org (Postfix) with ESMTP id 846CF2117 for <bob@example.org>; Mon,  7 Aug 2006 17:48:07 +0200 (MEST)",
            "[ ip=198.51.100.7 rdns=smtp.sender.example helo=smtp.sender.example by=mx.example.org ident= envfrom= intl=0 id=846CF2117 auth= msa=0 ]"),
        Arguments.of("postfixUnknownRdns", "from helo.example (unknown [198.51.100.8]) by mx.example.org (Postfix) with SMTP id 1234ABCD; Mon,  7 Aug 2006 17:48:07 +0200",
            "[ ip=198.51.100.8 rdns= helo=helo.example by=mx.example.org ident= envfrom= intl=0 id=1234ABCD auth= msa=0 ]"),
        Arguments.of("eximBracketedIp", "from [198.51.100.9] (helo=client.example) by mx.example.org with esmtp (Exim 4.50) id 1GFbZc-0006QV-L8 for bob@example.org; Tue, 22 Aug 2006 21:06:04 +0200",
            "[ ip=198.51.100.9 rdns= helo=client.example by=mx.example.org ident= envfrom= intl=0 id=1GFbZc-0006QV-L8 auth= msa=0 ]"),
        Arguments.of("eximWithIdentAndEnvelopeSender", "from host.example ([198.51.100.10] helo=client.example ident=joe) by mx.example.org with esmtp (Exim 4.69) (envelope-from <joe@example.com>) id 1Abcde-0001xY-AB; Tue, 22 Aug 2006 21:06:04 +0200",
            "[ ip=198.51.100.10 rdns=host.example helo=client.example by=mx.example.org ident=joe envfrom=joe@example.com intl=0 id=1Abcde-0001xY-AB auth= msa=0 ]"),
        Arguments.of("qmail", "from unknown (HELO client.example) (198.51.100.11) by mx.example.org with SMTP; 14 Mar 2003 07:24:34 -0000",
            "[ ip=198.51.100.11 rdns= helo=client.example by=mx.example.org ident= envfrom= intl=0 id= auth= msa=0 ]"),
        Arguments.of("exchange", "from EXCH01.corp.example (10.1.2.3) by EXCH02.corp.example (10.1.2.4) with Microsoft SMTP Server (TLS) id 14.3.123.3; Mon, 1 Jan 2018 10:00:00 +0000",
            "[ ip=10.1.2.3 rdns=EXCH01.corp.example helo=EXCH01.corp.example by=EXCH02.corp.example ident= envfrom= intl=0 id=14.3.123.3 auth= msa=0 ]"),
        Arguments.of("microsoftSmtpsvc", "from mail.example.com ([203.0.113.20]) by mx.example.org with Microsoft SMTPSVC(6.0.3790.4675); Mon, 1 Jan 2018 10:00:00 +0000",
            "[ ip=203.0.113.20 rdns= helo=mail.example.com by=mx.example.org ident= envfrom= intl=0 id= auth= msa=0 ]"),
        Arguments.of("james", "from client.example (client.example [198.51.100.12]) by james.example.org (JAMES SMTP Server ) with ESMTPA ID 4f2b9a10 for <bob@example.org>; Mon, 1 Jan 2018 10:00:00 +0000 (UTC)",
            "[ ip=198.51.100.12 rdns=client.example helo=client.example by=james.example.org ident= envfrom= intl=0 id= auth=ESMTPA msa=0 ]"),
        Arguments.of("sendmailAuthenticated", "from [192.0.2.44] (dsl.example.net [198.51.100.44]) (authenticated bits=0) by smtp.example.org (8.14.4/8.14.4) with ESMTP id p1ABCD123; Mon, 1 Jan 2018 10:00:00 +0000",
            "[ ip=198.51.100.44 rdns=dsl.example.net helo=!192.0.2.44! by=smtp.example.org ident= envfrom= intl=0 id=p1ABCD123 auth=Sendmail msa=0 ]"),
        Arguments.of("postfixLocalhost", "from localhost (localhost [127.0.0.1]) by mx.example.org (Postfix) with ESMTP id 0314547C66 for <bob@localhost>; Thu, 22 Aug 2002 07:36:16 -0400 (EDT)",
            "[ ip=127.0.0.1 rdns=localhost helo=localhost by=mx.example.org ident= envfrom= intl=0 id=0314547C66 auth= msa=0 ]"),
        Arguments.of("postfixIpv6Authenticated", "from [IPv6:2001:db8::25] (unknown [IPv6:2001:db8::25]) by mx.example.org (Postfix) with ESMTPSA id 4AB12345; Mon, 1 Jan 2018 10:00:00 +0000",
            "[ ip=2001:db8::25 rdns= helo=!IPv6:2001:db8::25! by=mx.example.org ident= envfrom= intl=0 id=4AB12345 auth=ESMTPSA msa=0 ]"),
        Arguments.of("eximIpv6", "from mx.example.org ([2001:db8:1::5]) by mail.example.net with esmtp (Exim 4.92) (envelope-from <list@example.org>) id 1xyz12-000ABC-QR for bob@example.net; Mon, 1 Jan 2018 10:00:00 +0000",
            "[ ip=2001:db8:1::5 rdns=mx.example.org helo=mx.example.org by=mail.example.net ident= envfrom=list@example.org intl=0 id=1xyz12-000ABC-QR auth= msa=0 ]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void lineShouldParseAsSpamAssassinParsesIt(String format, String received, String spamAssassin) {
        ReceivedLineParser.Outcome outcome = parser.parse(received);

        assertThat(outcome.relay()).map(relay -> relay.asString(false, false)).contains(spamAssassin);
    }

    @Test
    void foldedLineShouldParseAsUnfolded() {
        ReceivedLineParser.Outcome outcome = parser.parse("from mail.example.com (mail.example.com [203.0.113.5])\n\tby "
            + "mx.example.org (8.12.8/8.12.8) with ESMTP id h1I7hGU06122\n\tfor <bob@example.org>; Tue, 18 Feb 2003 09:43:16 +0200");

        assertThat(outcome.relay().map(Relay::ip)).contains("203.0.113.5");
        assertThat(outcome.relay().map(Relay::id)).contains("h1I7hGU06122");
    }

    @Test
    void localHandoversShouldBeSkipped() {
        assertThat(parser.parse("(qmail 27981 invoked by uid 225); 14 Mar 2003 07:24:34 -0000").skipped()).isTrue();
        assertThat(parser.parse("from some-host by another-host; Mon, 1 Jan 2018 10:00:00 +0000").skipped()).isTrue();
        assertThat(parser.parse("by mx.example.org (Postfix, from userid 1002) id DABBD1BED3; Thu, 13 Feb 2003 14:02:21 +0100")
            .skipped()).isTrue();
    }

    @Test
    void lineWithoutAddressShouldBeUnparseable() {
        ReceivedLineParser.Outcome outcome = parser.parse("from weird syntax here without any address at all");

        assertThat(outcome.unparseable()).isTrue();
        assertThat(outcome.relay()).isEmpty();
    }

    @Test
    void popFetchShouldBeAFetcherMarker() {
        ReceivedLineParser.Outcome outcome = parser.parse("from pop.example.net [198.51.100.50] by localhost with POP3 "
            + "(fetchmail-5.9.0) for bob@localhost (single-drop); Thu, 22 Aug 2002 12:36:23 +0100 (IST)");

        assertThat(outcome.popFetcher()).isTrue();
        assertThat(outcome.relay()).isEmpty();
    }

    @Test
    void hostileLineShouldParseInBoundedTime() {
        String hostile = "from " + "a (".repeat(5_000) + "[1.2.3.4" + " by x".repeat(5_000);

        assertThat(parser.parse(hostile)).isNotNull();
    }
}
