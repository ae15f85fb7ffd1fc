package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import org.cleanmail.core.rules.regex.PerlRegexTranslator;
import org.cleanmail.core.rules.regex.RegularSuperset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegularFilterTest {
    /** A look-alike rule: its letters' alternatives hold UTF-8 bytes, so it has an ASCII variant. */
    private static final String FUZZY_VOK =
        "body FUZZY_VOK /(?:v|\\xd0\\x92|&\\#1042;)\\W{0,3}(?:o|0|\\xd0\\xbe)\\W{0,3}(?:k|\\xd0\\xba)/i\n";

    private static final PerlRegexTranslator TRANSLATOR = new PerlRegexTranslator();
    /** Pieces of the random texts: parts of the patterns below in several cases, separators, bytes above 127. */
    private static final String[] TOKENS = {"s", "S", "o", "0", "\u00f3", "n", "a", "@", "4", "\u00e4", "t", "T", " ", "  ",
        "\n", ".", "_", "-", "!", "x", "y", "b", "bar", "baz", "foo", "free", "FREE", "cash", "CASH", "words ",
        "longer words ", "Received: from x for <a@b>; d\n", "Subject: hi a@b!\n", "Subject: hi\n", "To: a@b\n", "9",
        "\u00ff", "\r\n", "zz"};

    private static Pattern translated(String perl) {
        return TRANSLATOR.translate(perl).regex().pattern();
    }

    private static RegularSuperset reader() {
        return new RegularSuperset(RegularFilter.MAX_NONDETERMINISTIC_STATES);
    }

    private static RegularFilter filter(String perl) {
        return RegularFilter.of(translated(perl), reader()).orElseThrow();
    }

    @Test
    void textsWithoutAMatchOfTheSupersetShouldBeRuledOut() {
        RegularFilter filter = filter("/(?:\\b|\\s)[_\\W]{0,3}S[_\\W]{0,3}[o0\\xF2-\\xF6][_\\W]{0,3}n[_\\W]{0,3}[a4@]\\b/i");

        assertThat(filter.mayMatch("a quiet evening with music")).isFalse();
        assertThat(filter.mayMatch("try s-0-n-a now")).isTrue();
        assertThat(filter.mayMatch("try s\u00f3na now")).isTrue();
        assertThat(filter.mayMatch("a text with \u0100 passes whatever it holds")).isTrue();
    }

    @Test
    void startAnchorsShouldRuleOutTextsWhereNoLineStartsAMatch() {
        RegularFilter lines = filter("/^Subject: \\S/m");
        RegularFilter text = filter("/^Subject: \\S/");

        assertThat(lines.mayMatch("Subject: hi")).isTrue();
        assertThat(lines.mayMatch("To: a\nSubject: hi")).isTrue();
        assertThat(lines.mayMatch("X-Old-Subject: hi")).isFalse();
        assertThat(lines.mayMatch("To: a Subject: hi")).isFalse();
        assertThat(text.mayMatch("Subject: hi")).isTrue();
        assertThat(text.mayMatch("To: a\nSubject: hi")).as("^ without /m: the text's start only").isFalse();
    }

    @Test
    void patternsItCannotReadShouldGetNoFilter() {
        assertThat(RegularFilter.of(Pattern.compile("a\\Rb"), reader())).isEmpty();
        assertThat(RegularFilter.of(Pattern.compile("x*"), reader())).isEmpty();
    }

    /** Wherever Java's own matching finds a match, the filter lets the text through; and it rules some texts out. */
    @ParameterizedTest
    @ValueSource(strings = {"/\\b(?:[a-z]{5,}[\\s\\.]+){3}/",
        "/(?:\\b|\\s)[_\\W]{0,3}S[_\\W]{0,3}[o0\\xF2-\\xF6][_\\W]{0,3}n[_\\W]{0,3}[a4\\xE0-\\xE6@][_\\W]{0,3}(?:\\b|\\s)/i",
        "/\\nReceived:[^\\n]{0,200} for <?([^\\n\\s>;]+)>?;(?:[^\\n]+\\n+)*Subject: [^\\n]{0,100}\\1[^a-z0-9]/ism",
        "/(?i:free)\\s+(?-i:CASH)/", "/(?<!foo)bar(?=baz)/", "/a.b/s", "/s.t/", "/[^\\x00-\\x7f]{2}/", "/(?>ab|a)s/",
        "/^\\s*(?:[a-z]+\\s+){3}\\.$/m", "/\\bx{2,3}y?\\b/", "/To: (\\S+)\\n.*\\1!/s", "/[]s]t/", "/\\x41\\d\\p{Alpha}/i",
        "/^(?:foo|ba[rz])\\s/m", "/(?:^|\\s)free\\b/i", "/\\Afoo|^bar$/m", "/x\\n^s/m", "/^t|(?m:^s\\S)/", "/(?:^\\s*\\w+\\n){2}/m"})
    void filterShouldLetThroughEveryTextJavaFindsAMatchIn(String perl) {
        Pattern regex = translated(perl);
        RegularFilter filter = RegularFilter.of(regex, reader()).orElseThrow();
        Random random = new Random(perl.hashCode());
        int ruledOut = 0;
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            int tokens = 1 + random.nextInt(12);
            for (int i = 0; i < tokens; i++) {
                text.append(TOKENS[random.nextInt(TOKENS.length)]);
            }
            boolean found = regex.matcher(text).find();
            boolean may = filter.mayMatch(text.toString());
            if (found) {
                assertThat(may).as("%s on [%s]", perl, text).isTrue();
            }
            ruledOut += may ? 0 : 1;
        }
        assertThat(ruledOut).as("texts ruled out, of 3000").isPositive();
    }

    /** A pattern whose whole automaton has 2^17 states: each thread builds the states its texts reach. */
    @Test
    void largeAutomataShouldBeBuiltByEachThreadAsItsTextsNeed() throws Exception {
        Pattern regex = Pattern.compile("a[ab]{8}[ab]{8}c");
        RegularFilter filter = RegularFilter.of(regex, reader()).orElseThrow();
        assertThat(filter.whole()).isFalse();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> ruledOut = new ArrayList<>();
            for (int thread = 0; thread < 2; thread++) {
                int seed = thread;
                ruledOut.add(threads.submit(() -> agreeingWithJava(regex, filter, new Random(seed), "abc", 40)));
            }
            for (Future<Integer> count : ruledOut) {
                assertThat(count.get()).as("texts ruled out, of 3000").isPositive();
            }
        } finally {
            threads.shutdown();
        }
    }

    /**
     * A rule whose anchor is one letter that is neither rare nor common gets a filter, as
     * {@code __FUZZY_MONERO} does (its anchor occurs in some texts at every other word); one
     * whose anchor is a rare word needs none.
     */
    @Test
    void anchoredRulesWhoseAnchorIsCommonShouldGetAFilter() {
        CompiledRuleSet compiled = RuleEngineTest.engine(FUZZY_VOK + "body RARE /quixotically\\s+\\w+ed/i\n").rules();

        int fuzzy = compiled.index("FUZZY_VOK").orElseThrow();
        assertThat(compiled.regularFilter(fuzzy)).isNotNull();
        assertThat(compiled.regularFilter(fuzzy).mayMatch("a lovely book, very kind of you")).isFalse();
        assertThat(compiled.regularFilter(fuzzy).mayMatch("buy v.0.k now")).isTrue();
        assertThat(compiled.regularFilter(compiled.index("RARE").orElseThrow())).isNull();
    }

    /**
     * A header or uri rule held to where its text or a line starts gets a filter whatever its
     * anchor: the group pass over a short text is shared, and rules out more than the anchor.
     */
    @Test
    void headerAndUriRulesHeldToAStartShouldGetAFilter() {
        CompiledRuleSet compiled = RuleEngineTest.engine("header LINE ALL =~ /^Subject:[^\\n]*\\bzebra\\b/m\n"
            + "header ANYWHERE ALL =~ /Subject:[^\\n]*\\bzebra\\b/\n"
            + "uri SHORT /^https?:\\/\\/(?:bit\\.ly|t\\.co)\\//i\n").rules();

        RegularFilter line = compiled.regularFilter(compiled.index("LINE").orElseThrow());
        assertThat(line).isNotNull();
        assertThat(line.mayMatch("From: a\nSubject: a zebra\n")).isTrue();
        assertThat(line.mayMatch("From: a\nX-Old-Subject: a zebra\n")).isFalse();
        assertThat(compiled.regularFilter(compiled.index("ANYWHERE").orElseThrow())).isNull();
        RegularFilter shortener = compiled.regularFilter(compiled.index("SHORT").orElseThrow());
        assertThat(shortener).isNotNull();
        assertThat(shortener.mayMatch("http://t.co/abc")).isTrue();
        assertThat(shortener.mayMatch("http://www.microsoft.com/t.co/")).isFalse();
    }

    /**
     * A pattern within a scan is cold: where its filter rules the text out, the pattern is not
     * tried even at its anchor's one occurrence in a text of a few hundred characters
     * ({@link RegularFilter#ATTEMPT_IN_CHARACTERS}), nor, when its filter is in a group, in a
     * longer one (the group's pass answers for all its rules).
     */
    @Test
    void aRuledOutTextShouldNotBeTriedAtItsAnchor() {
        String zebra = "header ZEBRA ALL =~ /^X-Zebra: \\d{3}x/m\n";
        RuleEngine alone = RuleEngineTest.engine(zebra);
        RuleEngine grouped = RuleEngineTest.engine(zebra + "header OKAPI ALL =~ /^X-Okapi: \\d{3}y/m\n");
        String notAtALineStart = "Subject: a\nX-Note: see X-Zebra: 123x and X-Okapi: 456y\nX-Pad: ";

        assertThat(RuleEngineTest.scan(alone, notAtALineStart + "p".repeat(300) + "\n\nbody\n").hitNames()).isEmpty();
        assertThat(alone.regexRuns()).as("one occurrence in 363 characters").isZero();
        assertThat(grouped.rules().filterGroups(true).groupOf(grouped.rules().index("ZEBRA").orElseThrow())).isNotNegative();
        assertThat(RuleEngineTest.scan(grouped, notAtALineStart + "p".repeat(3000) + "\n\nbody\n").hitNames()).isEmpty();
        assertThat(grouped.regexRuns()).as("one occurrence in 3,063 characters, a group's rule").isZero();
        assertThat(RuleEngineTest.scan(grouped, "Subject: a\nX-Zebra: 123x\nX-Okapi: 456y\n\nbody\n").hitNames())
            .containsExactly("OKAPI", "ZEBRA");
    }

    /**
     * A rule with an ASCII variant has a filter of its own for texts of ASCII characters only,
     * from the variant (the look-alike alternatives in UTF-8 bytes cut): smaller, and it
     * answers as the rule's filter does on such texts.
     */
    @Test
    void asciiTextsShouldHaveTheFilterOfTheAsciiVariant() {
        CompiledRuleSet compiled = RuleEngineTest.engine(FUZZY_VOK + "body PLAIN_VOK /v\\W{0,3}[o0]\\W{0,3}k/i\n").rules();

        int fuzzy = compiled.index("FUZZY_VOK").orElseThrow();
        RegularFilter ascii = compiled.regularFilter(fuzzy, true);
        assertThat(ascii).isNotNull().isNotSameAs(compiled.regularFilter(fuzzy));
        for (String text : List.of("a lovely book, very kind of you", "buy v.0.k now", "V O K", "vok", "v--ok", "nothing")) {
            assertThat(ascii.mayMatch(text)).as(text).isEqualTo(compiled.regularFilter(fuzzy).mayMatch(text));
        }
        int plain = compiled.index("PLAIN_VOK").orElseThrow();
        assertThat(compiled.regularFilter(plain)).isNotNull();
        assertThat(compiled.regularFilter(plain, true)).isSameAs(compiled.regularFilter(plain));
    }

    /** A table that fills up starts afresh from where the text is, and keeps ruling texts out. */
    @Test
    void aFullTableShouldStartAfreshAndStayRight() {
        Pattern regex = Pattern.compile("a[ab]{8}c");
        SubsetStates states = new SubsetStates(reader().of(regex).orElseThrow());
        SubsetTable small = new SubsetTable(states, 40 * states.classes());
        Random random = new Random(7);
        int ruledOut = 0;
        for (int round = 0; round < 3000; round++) {
            String text = randomText(random, "abc", 30);
            boolean may = small.mayMatch(text);
            if (regex.matcher(text).find()) {
                assertThat(may).as("[%s]", text).isTrue();
            }
            ruledOut += may ? 0 : 1;
        }
        assertThat(small.restarts()).isPositive();
        assertThat(ruledOut).isPositive();
    }

    private static int agreeingWithJava(Pattern regex, RegularFilter filter, Random random, String letters, int length) {
        int ruledOut = 0;
        for (int round = 0; round < 3000; round++) {
            String text = randomText(random, letters, length);
            boolean may = filter.mayMatch(text);
            assertThat(may).as("[%s]", text).isEqualTo(regex.matcher(text).find());
            ruledOut += may ? 0 : 1;
        }
        return ruledOut;
    }

    private static String randomText(Random random, String letters, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(length); i > 0; i--) {
            text.append(letters.charAt(random.nextInt(letters.length())));
        }
        return text.toString();
    }
}
