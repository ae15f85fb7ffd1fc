package org.cleanmail.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UriExtractionTest {
    private static MessageUris urisOfText(String text) {
        return Messages.parse("Subject: t\n\n" + text + "\n").uris();
    }

    private static MessageUris urisOfHtml(String html) {
        return Messages.parse("Subject: t\nContent-Type: text/html\n\n" + html + "\n").uris();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Visit http://Example.COM/Path?a=1 now | http://example.com/Path?a=1",
        "go to HTTPS://WWW.Example.com:443/ | https://www.example.com/",
        "see www.example.com/offer. | http://www.example.com/offer",
        "cheap meds at pills-example.com today | http://pills-example.com/",
        "try hxxp://evil.example.org/x | http://evil.example.org/x",
        "try h**p://evil.example.org/x | http://evil.example.org/x",
        "odd http:/\\\\evil.example.org\\x | http://evil.example.org/x",
        "dots evil[.]example[.]com/x | http://evil.example.com/x",
        "dots www . evil-example . com now | http://www.evil-example.com/",
        "dots www.evil-example .com now | http://www.evil-example.com/",
        "dots www. evil-example.com now | http://www.evil-example.com/",
        "dots evil(dot)example{.}com (that) | http://evil.example.com/",
        "dots evil [DOT] example [.] com | http://evil.example.com/",
        "end. WWW.Evil-Example.COM. Next | http://www.evil-example.com/",
        "write to Sales@Example.COM please | mailto:Sales@example.com",
        "escaped http://%65vil.example.com/%7Euser | http://evil.example.com/~user",
        "decimal http://3627732462/ip | http://216.58.205.238/ip",
        "ftp.example.org/pub | ftp://ftp.example.org/pub",
        "see (http://example.com/a_(b)) now | http://example.com/a_(b)",
        "<http://example.com/x>, | http://example.com/x",
        "intl http://BÜCHER.example/ | http://xn--bcher-kva.example/"
    })
    void textUrisShouldBeRecognizedAndNormalized(String text, String expected) {
        assertThat(urisOfText(text).uris()).containsExactly(expected);
    }

    @Test
    void proseWithoutLinksShouldYieldNoUri() {
        assertThat(urisOfText("Version 2.5 is out. Read file.txt or index.html, call me at 5.30 pm. 3.Energy drinks")
            .uris())
            .isEmpty();
    }

    @Test
    void htmlUrisShouldComeFromEveryLinkingAttributeWithEntitiesDecoded() {
        MessageUris uris = urisOfHtml("<body background=\"http://e.example.com/bg.jpg\">"
            + "<a href=\"http://a.example.com/?x=1&amp;y=2\">a</a>"
            + "<area href='http://b.example.com/'><form action=\"https://c.example.com/post\"></form>"
            + "<img src=\"http://d.example.com/i.gif\">"
            + "<a href=\"javascript:void(0)\">j</a><a href=\"/relative\">r</a><a href=\"cid:part1\">c</a>"
            + "<a href=\"&#104;ttp://f.example.com/\">f</a>"
            + "<meta http-equiv=\"Refresh\" content=\"0; URL=http://g.example.com/\">");

        assertThat(uris.uris()).containsExactly("http://e.example.com/bg.jpg", "http://a.example.com/?x=1&y=2",
            "http://b.example.com/", "https://c.example.com/post", "http://d.example.com/i.gif",
            "http://f.example.com/", "http://g.example.com/");
    }

    @Test
    void obfuscatedHtmlLinksShouldBeUncovered() {
        MessageUris uris = urisOfHtml("<a href=\"hxxp://evil.example.com/a\">x</a>"
            + "<a href=\" HTTP://www.paypal.com@phish.example.net/login \">PayPal</a>"
            + "<a href=\"http://%77%77%77.evil.example.org/\">y</a>"
            + "<a href=\"http:\\\\back.example.com\\path\">z</a>"
            + "<p>Visit www[.]hidden-example[.]com today</p>");

        assertThat(uris.uris()).containsExactly("http://evil.example.com/a", "http://phish.example.net/login",
            "http://www.evil.example.org/", "http://back.example.com/path", "http://www.hidden-example.com/");
        assertThat(uris.hosts()).doesNotContain("www.paypal.com");
    }

    @Test
    void redirectorTargetsShouldBeAddedAfterTheRedirector() {
        MessageUris uris = urisOfText("http://redirect.example.net/r?url=http%3A%2F%2Fspam.example.com%2Foffer&x=1");

        assertThat(uris.uris()).containsExactly(
            "http://redirect.example.net/r?url=http%3A%2F%2Fspam.example.com%2Foffer&x=1",
            "http://spam.example.com/offer");
        assertThat(uris.domains()).containsExactly("example.net", "example.com");
    }

    @Test
    void urisShouldBeDeduplicatedInOrder() {
        MessageUris uris = urisOfText("http://b.example.com/ http://a.example.com/ HTTP://B.EXAMPLE.COM/");

        assertThat(uris.uris()).containsExactly("http://b.example.com/", "http://a.example.com/");
    }

    @Test
    void domainsShouldBeRegistrableDomains() {
        assertThat(UriNormalization.registrableDomain("www.shop.example.co.uk")).isEqualTo("example.co.uk");
        assertThat(UriNormalization.registrableDomain("10.0.0.1")).isEqualTo("10.0.0.1");
        assertThat(UriNormalization.registrableDomain("localhost")).isEqualTo("localhost");
    }

    @Test
    void hostShouldBeReadFromNormalizedUris() {
        assertThat(UriNormalization.host("http://example.com:8080/x")).contains("example.com");
        assertThat(UriNormalization.host("http://[2001:db8::1]:8080/x")).contains("[2001:db8::1]");
        assertThat(UriNormalization.host("mailto:a@example.org")).contains("example.org");
        assertThat(UriNormalization.host("no uri")).isEmpty();
    }

    @Test
    void normalizeShouldRejectWhatIsNotAUsableUri() {
        assertThat(UriNormalization.normalize("javascript:alert(1)")).isEmpty();
        assertThat(UriNormalization.normalize("http://")).isEmpty();
        assertThat(UriNormalization.normalize("http://bad host!/")).isEqualTo(Optional.empty());
        assertThat(UriNormalization.normalize("")).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void uriRulesShouldAlsoSeeEscapedAndNumericFormsAsWritten() {
        MessageUris uris = urisOfHtml("<a href=\"http://%77%77%77.example.com/a\">x</a> <a href=\"http://3627732462/ip\">y</a>"
            + " <a href=\"http://Example.com/plain\">z</a>");

        assertThat(uris.uris()).containsExactly("http://www.example.com/a", "http://216.58.205.238/ip",
            "http://example.com/plain");
        assertThat(uris.ruleTexts()).containsExactly("http://www.example.com/a", "http://216.58.205.238/ip",
            "http://example.com/plain", "http://%77%77%77.example.com/a", "http://3627732462/ip");
        assertThat(uris.hosts()).containsExactly("www.example.com", "216.58.205.238", "example.com");
    }
}
