package org.cleanmail.core.rules.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PerlRegexTranslatorTest {
    private final PerlRegexTranslator translator = new PerlRegexTranslator();

    private PerlRegex translated(String literal) {
        RegexTranslation translation = translator.translate(literal);
        assertThat(translation.failureReason()).as(literal).isEmpty();
        return translation.regex();
    }

    private boolean finds(String literal, String text) {
        return translated(literal).pattern().matcher(text).find();
    }

    private String failure(String literal) {
        RegexTranslation translation = translator.translate(literal);
        assertThat(translation.succeeded()).as(literal).isFalse();
        return translation.failureReason().orElseThrow();
    }

    @Nested
    class Delimiters {
        @ParameterizedTest
        @ValueSource(strings = {"/a\\/b/", "m{a/b}", "m!a/b!", "m#a/b#", "m(a/b)", "m<a/b>", "m[a/b]", "qr/a\\/b/",
            "m'a/b'", "m|a/b|"})
        void translateShouldAcceptPerlDelimiters(String literal) {
            assertThat(finds(literal, "xa/bx")).isTrue();
        }

        @Test
        void translateShouldKeepBracesBalancedInsideBraceDelimiters() {
            assertThat(finds("m{^a{2}$}", "aa")).isTrue();
        }

        @Test
        void translateShouldKeepOriginalText() {
            assertThat(translated("m{^(?:a|b)\\z}i").original()).isEqualTo("m{^(?:a|b)\\z}i");
        }

        @ParameterizedTest
        @ValueSource(strings = {"foo", "/foo", "/foo/Z", "mafooa", "m\\foo\\", ""})
        void translateShouldRejectMalformedLiterals(String literal) {
            assertThat(translator.translate(literal).succeeded()).isFalse();
        }

        @Test
        void translateShouldRefuseUnknownModifier() {
            assertThat(failure("/foo/ie")).contains("unsupported modifier 'e'");
            assertThat(failure("/foo/r")).contains("unsupported modifier 'r'");
        }
    }

    @Nested
    class Modifiers {
        @Test
        void caseInsensitiveShouldFoldAsciiOnly() {
            assertThat(finds("/viagra/i", "VIAGRA")).isTrue();
            assertThat(finds("/\\xe4/i", "\u00c4")).isFalse();
        }

        @Test
        void dotShouldMatchNewlineOnlyWithS() {
            assertThat(finds("/a.b/", "a\nb")).isFalse();
            assertThat(finds("/a.b/s", "a\nb")).isTrue();
        }

        @Test
        void caretShouldMatchAfterNewlineOnlyWithM() {
            assertThat(finds("/^b/", "a\nb")).isFalse();
            assertThat(finds("/^b/m", "a\nb")).isTrue();
        }

        @Test
        void extendedShouldDropWhitespaceAndCommentsButNotInsideClasses() {
            PerlRegex regex = translated("/ a b # a comment\n [ ]c /x");
            assertThat(regex.pattern().matcher("ab c").find()).isTrue();
            assertThat(regex.pattern().matcher("a b c").find()).isFalse();
        }

        @Test
        void globalAndOnceModifiersShouldBeIgnored() {
            assertThat(finds("/foo/go", "foo")).isTrue();
        }

        @Test
        void realFromWspTrailRuleShouldTranslate() {
            PerlRegex regex = translated("/< [^>]* \\s > [^<>]* \\z/xm");
            assertThat(regex.pattern().matcher("Joe <joe@example.com >").find()).isTrue();
            assertThat(regex.pattern().matcher("Joe <joe@example.com>").find()).isFalse();
        }
    }

    @Nested
    class Anchors {
        @Test
        void dollarShouldMatchBeforeFinalNewlineOnlyLikePerl() {
            assertThat(finds("/foo$/", "foo\n")).isTrue();
            assertThat(finds("/foo$/", "foo\r\n")).isFalse();
            assertThat(finds("/foo$/", "foo\nbar")).isFalse();
            assertThat(finds("/foo$/m", "foo\nbar")).isTrue();
        }

        @Test
        void lowerZShouldMatchOnlyAtVeryEnd() {
            assertThat(finds("/foo\\z/", "foo\n")).isFalse();
            assertThat(finds("/foo\\Z/", "foo\n")).isTrue();
            assertThat(finds("/\\Afoo/m", "x\nfoo")).isFalse();
        }
    }

    @Nested
    class WordBoundaries {
        @Test
        void wordBoundaryShouldTreatNonAsciiBytesAsNonWordLikePerl() {
            assertThat(finds("/\\bviagra\\b/i", "\u00c3viagra\u00a4")).isTrue();
            assertThat(finds("/\\Bviagra/", "\u00c3viagra")).isFalse();
        }

        @Test
        void wordBoundaryShouldStillSeparateWords() {
            assertThat(finds("/\\bcat\\b/", "concatenate")).isFalse();
            assertThat(finds("/\\bcat\\b/", "a cat.")).isTrue();
            assertThat(finds("/\\Bcat\\B/", "concatenate")).isTrue();
        }
    }

    @Nested
    class Escapes {
        @CsvSource(delimiter = ';', ignoreLeadingAndTrailingWhitespace = false, value = {
            "/\\x{263a}/;\u263a",
            "/\\x41/;A",
            "/\\x9/;\t",
            "/\\101/;A",
            "/\\0/;\u0000",
            "/\\o{101}/;A",
            "/\\cA/;\u0001",
            "/\\N{U+263A}/;\u263a",
            "/\\</;<",
            "/\\>/;>",
            "/\\_/;_",
            "/\\y/;y",
            "/a\\#b/;a#b",
            "/\\h/;\t",
        })
        @ParameterizedTest
        void escapeShouldMatch(String literal, String text) {
            assertThat(finds(literal, text)).isTrue();
        }

        @Test
        void backReferencesShouldStayBackReferences() {
            assertThat(finds("/(a)\\1/", "aa")).isTrue();
            assertThat(finds("/(a)\\g{-1}/", "aa")).isTrue();
            assertThat(finds("/(a)\\g1/", "aa")).isTrue();
        }

        @Test
        void multiDigitEscapeWithoutThatManyGroupsShouldBeOctal() {
            assertThat(finds("/(a)\\12/", "a\n")).isTrue();
        }

        @Test
        void quoteShouldMakeMetacharactersLiteral() {
            assertThat(finds("/\\Qa.b*\\E+/", "a.b**")).isTrue();
            assertThat(finds("/\\Qa.b*\\E/", "axb")).isFalse();
        }

        @Test
        void nonNewlineEscapeShouldNotMatchNewline() {
            assertThat(finds("/a\\Nb/", "a\nb")).isFalse();
            assertThat(finds("/a\\Nb/", "axb")).isTrue();
        }

        @Test
        void keepEscapeShouldBeReportedUntranslatable() {
            assertThat(failure("/foo\\Kbar/")).contains("\\K");
        }

        @Test
        void caseChangingEscapeShouldBeReportedUntranslatable() {
            assertThat(failure("/\\Ufoo/")).contains("\\U");
        }

        @Test
        void unicodePropertyShouldTranslateScriptNames() {
            assertThat(finds("/\\p{Cyrillic}/", "\u0416")).isTrue();
            assertThat(finds("/\\p{^Cyrillic}/", "\u0416")).isFalse();
            assertThat(finds("/\\pL/", "x")).isTrue();
        }

        @Test
        void unknownUnicodePropertyShouldBeReported() {
            assertThat(failure("/\\p{NoSuchThing}/")).contains("unknown Unicode property");
        }
    }

    @Nested
    class CharacterClasses {
        @CsvSource(delimiter = ';', ignoreLeadingAndTrailingWhitespace = false, value = {
            "/^[[:alpha:]]+$/;abc;true",
            "/^[[:alpha:]]+$/;ab1;false",
            "/^[[:^digit:]]+$/;abc;true",
            "/^[[:xdigit:][:space:]]+$/;0a F;true",
            "/^[[:upper:]]$/;a;false",
            "/[[]/;[;true",
            "/[]a]/;];true",
            "/[^]a]/;];false",
            "/[a&&b]/;&;true",
            "/[\\w-.]/;-;true",
            "/[a-]/;-;true",
            "/[-a]/;-;true",
            "/[\\b]/;\b;true",
            "/[\\d-z]/;-;true",
            "/[a-c-e]/;-;true",
            "/[a-c-e]/;d;false",
            "/[\\]]/;];true",
            "/[\\x41-\\x43]/;B;true",
            "/[#]/x;#;true",
        })
        @ParameterizedTest
        void classShouldMatchLikePerl(String literal, String text, boolean expected) {
            assertThat(finds(literal, text)).isEqualTo(expected);
        }

        @Test
        void unterminatedClassShouldBeReported() {
            assertThat(failure("/[abc/")).contains("unterminated character class");
        }

        @Test
        void reversedRangeShouldBeReported() {
            assertThat(failure("/[z-a]/")).contains("invalid range");
        }

        @Test
        void unknownPosixClassShouldBeReported() {
            assertThat(failure("/[[:foo:]]/")).contains("unknown POSIX class");
        }
    }

    @Nested
    class Braces {
        @CsvSource(delimiter = ';', ignoreLeadingAndTrailingWhitespace = false, value = {
            "/a{/;a{;true",
            "/a{b}/;a{b};true",
            "/{/;{;true",
            "/a{2}/;aa;true",
            "/a{2,}/;aaa;true",
            "/^a{1,2}$/;aaa;false",
            "/a{,2}b/;b;true",
            "/%{x/;%{x;true",
            "/a}/;a};true",
        })
        @ParameterizedTest
        void braceShouldBeQuantifierOnlyWhenPerlSaysSo(String literal, String text, boolean expected) {
            assertThat(finds(literal, text)).isEqualTo(expected);
        }

        @Test
        void captureTemplateShouldBeReported() {
            assertThat(failure("/%{SENDERDOMAIN}/")).contains("capture template %{SENDERDOMAIN}");
        }
    }

    @Nested
    class Groups {
        @Test
        void inlineCaseGroupShouldApplyOnlyInside() {
            assertThat(finds("/(?i:a)b/", "AB")).isFalse();
            assertThat(finds("/(?i:a)b/", "Ab")).isTrue();
            assertThat(finds("/(?i)ab/", "AB")).isTrue();
        }

        @Test
        void caretFlagGroupShouldResetToDefaults() {
            assertThat(finds("/(?^:a)/i", "A")).isFalse();
            assertThat(finds("/(?^i:a)/", "A")).isTrue();
            assertThat(translated("/(?^:(?:alle|b(?:are)))/").javaSource()).isEqualTo("(?-ims:(?:alle|b(?:are)))");
        }

        @Test
        void groupsShouldNotCaptureUnlessReferredBack() {
            assertThat(translated("/(free|cheap) (meds|pills)/").javaSource()).isEqualTo("(?:free|cheap) (?:meds|pills)");
            assertThat(translated("/(a|b)x\\1/").javaSource()).isEqualTo("(a|b)x\\1");
            assertThat(finds("/(a|b)x\\1/", "bxb")).isTrue();
            assertThat(finds("/(a|b)x\\1/", "bxa")).isFalse();
        }

        @Test
        void inlineExtendedFlagShouldBeAppliedByTranslator() {
            assertThat(finds("/(?x) a b /", "ab")).isTrue();
            assertThat(finds("/(?x: a ) b/", "a b")).isTrue();
        }

        @Test
        void namedGroupsShouldBeRenamedForJava() {
            PerlRegex regex = translated("/(?<SENDER_DOMAIN>\\w+)\\.(?P<tld>\\w+)\\k<SENDER_DOMAIN>/");
            assertThat(regex.groupNames()).containsEntry("SENDER_DOMAIN", "SENDERDOMAIN").containsEntry("tld", "tld");
            var matcher = regex.pattern().matcher("ab.cdab");
            assertThat(matcher.find()).isTrue();
            assertThat(matcher.group(regex.groupNames().get("SENDER_DOMAIN"))).isEqualTo("ab");
        }

        @Test
        void atomicAndPossessiveShouldBeKept() {
            assertThat(finds("/(?>a+)b/", "aab")).isTrue();
            assertThat(finds("/a++a/", "aaa")).isFalse();
        }

        @Test
        void lookbehindFromRealRuleShouldMatch() {
            String invalidTzCst = "/[+-]\\d\\d[30]0(?<!-0600|-0500|\\+0800|\\+0930|\\+1030)\\s+(?:\\bCST\\b|\\(CST\\))/";
            assertThat(finds(invalidTzCst, "Date: Mon, 1 Jan 2001 10:00:00 +0100 CST")).isTrue();
            assertThat(finds(invalidTzCst, "Date: Mon, 1 Jan 2001 10:00:00 -0600 CST")).isFalse();
        }

        @Test
        void commentGroupShouldBeDropped() {
            assertThat(translated("/a(?# note )b/").javaSource()).isEqualTo("ab");
        }

        @Test
        void noCaptureModifierShouldMakeGroupsNonCapturing() {
            assertThat(translated("/(a)(b)/n").pattern().matcher("").groupCount()).isZero();
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', ignoreLeadingAndTrailingWhitespace = false, value = {
            "/(?|a|b)/;branch reset",
            "/(?{ print 1 })/;embedded code",
            "/(a(?R)?b)/;recursion",
            "/(a(?1)?b)/;recursion",
            "/(?(1)a|b)/;conditional",
            "/(*SKIP)(*FAIL)/;control verb",
            "/(?<a>x)(?<a>y)/;duplicate group name",
            "/(?Zfoo)/;unknown group syntax",
            "/\\k<nope>/;undefined group",
        })
        void unsupportedConstructShouldBeReported(String literal, String reason) {
            assertThat(failure(literal)).contains(reason);
        }

        @Test
        void unbalancedParenthesisShouldBeReportedNotThrown() {
            assertThat(failure("/(a/")).contains("Java rejects the translation");
        }

        @Test
        void deepNestingShouldBeRefused() {
            String deep = "/" + "(".repeat(5000) + "a" + ")".repeat(5000) + "/";
            assertThat(failure(deep)).contains("nested deeper");
        }
    }

    @Test
    void longLiteralRunsShouldBeCutBeforeALiteralSoQuantifiersStayAttached() {
        PerlRegex regex = translated("/" + "a".repeat(250) + "b+/");
        assertThat(regex.javaSource()).contains("(?:)");
        assertThat(regex.pattern().matcher("a".repeat(250) + "bbb").find()).isTrue();
        assertThat(regex.pattern().matcher("a".repeat(249) + "b").find()).isFalse();
        PerlRegex exact = translated("/^" + "a".repeat(200) + "b{2}$/");
        assertThat(exact.pattern().matcher("a".repeat(200) + "bb").find()).isTrue();
        assertThat(exact.pattern().matcher("a".repeat(200) + "b").find()).isFalse();
    }

    @Test
    void translatedPatternsShouldAlwaysUseUnixLines() {
        assertThat(translated("/a/").pattern().flags() & Pattern.UNIX_LINES).isNotZero();
    }

    @Test
    void overlongPatternShouldBeRefused() {
        assertThat(failure("/" + "a".repeat(PerlRegexTranslator.MAX_PATTERN_LENGTH) + "/")).contains("longer than");
    }

    @Test
    void manyOpenBracesShouldTranslateInBoundedTime() {
        assertThat(translated("/" + "{".repeat(200_000) + "/").pattern().matcher("{".repeat(200_000)).find()).isTrue();
        assertThat(translated("/" + "%{".repeat(100_000) + "/").pattern().matcher("%{".repeat(100_000)).find()).isTrue();
        RegexTranslation classes = translator.translate("/" + "[ab]".repeat(50_000) + "/");
        assertThat(classes.succeeded() || classes.failureReason().orElseThrow().contains("Java rejects")).isTrue();
        assertThat(translated("/[" + "abcdefgh".repeat(25_000) + "]/").pattern().matcher("h").find()).isTrue();
    }

    @Test
    void randomPatternsShouldNeverThrow() {
        String alphabet = "\\()[]{}?*+|^$.-:<>=!#%'\"/,&axdbkKgpPNQEc0179 \n\t{}imsx@_";
        Random random = new Random(1);
        int translated = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder literal = new StringBuilder("/");
            int length = random.nextInt(30);
            for (int j = 0; j < length; j++) {
                literal.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            literal.append(random.nextBoolean() ? "/" : "/ix");
            RegexTranslation translation = translator.translate(literal.toString());
            translated += translation.succeeded() ? 1 : 0;
            assertThat(translation.succeeded() || translation.failureReason().isPresent()).isTrue();
        }
        assertThat(translated).isBetween(1, 19_999);
    }

    @Test
    void trailingBackslashShouldBeReported() {
        assertThat(translator.translate("a\\", "").failureReason()).hasValueSatisfying(
            reason -> assertThat(reason).contains("ends with a backslash"));
    }
}
