package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cleanmail.core.prefilter.CaseFold;
import org.cleanmail.core.prefilter.LiteralMatcher;
import org.cleanmail.core.rules.regex.PerlRegexTranslator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiteralPatternTest {
    private static final PerlRegexTranslator TRANSLATOR = new PerlRegexTranslator();
    /** Pieces of the random texts: the patterns' words in several cases, word and non-word neighbours, bytes above 127. */
    private static final String[] TOKENS = {"cheap", "CHEAP", "Cheap", "free", "fr3e", "FR3E", "viagra", "Viagra", "VIAGRA",
        "offer", "0ffer", "offers", "pills", "click here", "click  here", "a", "x", "_", "9", " ", " ", "\n", "-", ".", "!",
        "\u00c3", "\u00a4", "b\u00c3\u00a4r", "B\u00c3\u00a4R", "\u00e9", "\u00c9", "dear", "friend", "dear friend",
        "meds", "$$$", "e-mail", "email", "lo", "an", "loan", "loans", "x\u00ffz"};

    private static Pattern translated(String perl) {
        return TRANSLATOR.translate(perl).regex().pattern();
    }

    private static Optional<LiteralPattern> read(String perl) {
        return LiteralPattern.of(translated(perl));
    }

    @Test
    void wordsBetweenBoundariesShouldBeRead() {
        LiteralPattern pattern = read("/\\b(?:cheap|fr[e3]e|Viagra)\\b/i").orElseThrow();

        assertThat(pattern.literals()).containsExactlyInAnyOrder("cheap", "free", "fr3e", "viagra");
        assertThat(pattern.decidedByKinds()).isTrue();
        assertThat(pattern.matchesAt("so CHEAP!", 3)).isTrue();
        assertThat(pattern.matchesAt("socheap!", 2)).isFalse();
        assertThat(pattern.matchesAt("cheaper", 0)).isFalse();
        assertThat(pattern.matchesAt("a FR3E b", 2)).isTrue();
    }

    @Test
    void caseSensitivePatternShouldCompareExactly() {
        LiteralPattern pattern = read("/[Vv]iagra/").orElseThrow();

        assertThat(pattern.literals()).containsExactly("viagra");
        assertThat(pattern.size()).isEqualTo(2);
        assertThat(pattern.matchesAt("Viagra", 0)).isTrue();
        assertThat(pattern.matchesAt("VIAGRA", 0)).isFalse();
        assertThat(pattern.decidedByKinds()).as("an occurrence found may be VIAGRA").isFalse();
    }

    @Test
    void optionalPartsShouldGiveEachString() {
        LiteralPattern pattern = read("/\\boffers?\\b/i").orElseThrow();

        assertThat(pattern.literals()).containsExactlyInAnyOrder("offer", "offers");
    }

    @Test
    void boundaryBetweenKnownCharactersShouldBeDecidedWhenReading() {
        // "e-\bmail" always has a boundary there; "e\bmail" never has one
        assertThat(read("/\\be-\\bmail\\b/i").orElseThrow().literals()).containsExactly("e-mail");
        assertThat(read("/(?:e\\bmail|e-mail)/").orElseThrow().literals()).containsExactly("e-mail");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/\\bcheap\\s+pills\\b/i", "/cheap.pills/", "/^cheap/m", "/\\bch?\\b/", "/\\b(?:ab|cheap)\\b/",
        "/(?=cheap)cheap/", "/cheap\\d/", "/[a-z]heap/", "/[^x]heap/", "/che+ap/", "/cheap{2}/",
        "/(cheap)\\1/", "/(?i:cheap)/", "/\\Bcheap/", "/cheap$/"})
    void otherPatternsShouldNotBeRead(String perl) {
        assertThat(read(perl)).isEmpty();
    }

    @Test
    void tooManyStringsShouldNotBeRead() {
        assertThat(read("/[ab][cd][ef][gh][ij][kl][mn]x/")).isEmpty();
        assertThat(read("/[ab][cd][ef][gh][ij][kl]x/")).isPresent();
    }

    /** The decision at every position agrees with Java's own matching of the translated pattern, on random texts. */
    @ParameterizedTest
    @ValueSource(strings = {"/\\b(?:cheap|fr[e3]e|Viagra)\\b/i", "/\\b(?:cheap|fr[e3]e|Viagra)\\b/", "/[o0]ffers?\\b/i",
        "/\\bclick here/i", "/(?:\\bdear|friend\\b)/i", "/\\b\\$\\$\\$/", "/e-?mail\\b/i", "/\\b(?:loans?|meds)\\b/",
        "/x\\xffz/i", "/b\\xc3\\xa4r/", "/(?:\\bloan|lo\\ban)/i", "/pills|cheap/"})
    void decisionsShouldAgreeWithTheRegularExpression(String perl) {
        Pattern regex = translated(perl);
        LiteralPattern pattern = LiteralPattern.of(regex).orElseThrow();
        Random random = new Random(perl.hashCode());
        LiteralMatcher literalPass = LiteralMatcher.of(pattern.literals());
        boolean[] kindsWanted = new boolean[pattern.literals().size()];
        int[] ids = new int[kindsWanted.length];
        for (int literal = 0; literal < ids.length; literal++) {
            ids[literal] = literal;
            kindsWanted[literal] = pattern.foundIsMatched(literal);
        }
        int matched = 0;
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            int tokens = 1 + random.nextInt(8);
            for (int i = 0; i < tokens; i++) {
                text.append(TOKENS[random.nextInt(TOKENS.length)]);
            }
            boolean decided = false;
            boolean decidedAtFound = false;
            String folded = CaseFold.fold(text);
            for (int start = 0; start < text.length(); start++) {
                decided |= pattern.matchesAt(text, start);
                for (int literal = 0; literal < pattern.literals().size(); literal++) {
                    // where the literal scan would report the literal
                    if (folded.startsWith(pattern.literals().get(literal), start)) {
                        decidedAtFound |= pattern.matchesAt(text, start, literal);
                    }
                }
            }
            Matcher matcher = regex.matcher(text);
            boolean found = matcher.find();
            assertThat(decided).as("%s on [%s]", perl, text).isEqualTo(found);
            assertThat(decidedAtFound).as("%s on [%s], at the literals found", perl, text).isEqualTo(found);
            if (pattern.decidedByKinds()) {
                // the Subject first, then the text; and the text first, then one without the literals
                LiteralOccurrences afterSubject = LiteralOccurrences.find(literalPass, List.of("cheap free offer", text.toString()),
                    kindsWanted);
                LiteralOccurrences first = LiteralOccurrences.find(literalPass, List.of(text.toString(), "-"), kindsWanted);
                assertThat(pattern.matchesByKinds(afterSubject, ids, 1)).as("%s on [%s], by kinds", perl, text)
                    .isEqualTo(found);
                assertThat(pattern.matchesByKinds(first, ids, 0)).as("%s on [%s], by kinds", perl, text).isEqualTo(found);
            }
            matched += decided ? 1 : 0;
        }
        assertThat(matched).as("texts the pattern matched, of 3000").isBetween(1, 2999);
    }
}
