package org.cleanmail.core.prefilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LiteralMatcherTest {
    @Test
    void findShouldReportEveryLiteralThatOccurs() {
        LiteralMatcher matcher = LiteralMatcher.of(List.of("viagra", "free money", "unsubscribe", "absent"));

        BitSet found = matcher.find("Get FREE MONEY and Viagra now! To unsubscribe, reply.");

        assertThat(found.stream()).containsExactly(0, 1, 2);
    }

    @Test
    void findShouldReportOverlappingAndNestedLiterals() {
        LiteralMatcher matcher = LiteralMatcher.of(List.of("he", "she", "his", "hers"));

        assertThat(matcher.find("ushers").stream()).containsExactly(0, 1, 3);
    }

    @Test
    void findShouldFoldNonAsciiCase() {
        LiteralMatcher matcher = LiteralMatcher.of(List.of("ÉTÉ", "spam"));

        assertThat(matcher.find("un été \u017FPAM").stream()).containsExactly(0, 1);
    }

    @Test
    void findShouldReportNothingInAnEmptyText() {
        assertThat(LiteralMatcher.of(List.of("abc")).find("").isEmpty()).isTrue();
    }

    @Test
    void ofShouldRejectAnEmptyLiteral() {
        assertThatThrownBy(() -> LiteralMatcher.of(List.of("abc", ""))).hasMessage("literal 1 is empty");
    }

    @Test
    void findShouldAgreeWithANaiveSearchOnRandomInput() {
        Random random = new Random(7);
        String alphabet = "abcab cdAB";
        for (int round = 0; round < 200; round++) {
            List<String> literals = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(30); i++) {
                literals.add(randomText(random, alphabet, 1 + random.nextInt(5)));
            }
            LiteralMatcher matcher = LiteralMatcher.of(literals);
            String text = randomText(random, alphabet, random.nextInt(200));

            BitSet expected = new BitSet();
            String folded = CaseFold.fold(text);
            for (int i = 0; i < literals.size(); i++) {
                if (folded.contains(CaseFold.fold(literals.get(i)))) {
                    expected.set(i);
                }
            }
            assertThat(matcher.find(text)).as("%s in %s", literals, text).isEqualTo(expected);
        }
    }

    @Test
    void scanShouldReportEveryOccurrenceWithItsStart() {
        LiteralMatcher matcher = LiteralMatcher.of(List.of("he", "she", "hers"));
        List<String> found = new ArrayList<>();

        matcher.scan("ushers, SHE said", (literal, start) -> found.add(literal + "@" + start));

        assertThat(found).containsExactly("1@1", "0@2", "2@2", "1@8", "0@9");
    }

    @Test
    void scanShouldAgreeWithANaiveSearchOnRandomInput() {
        agreeWithANaiveSearch(new Random(11), "abcab cdAB");
    }

    /** Characters beyond 255 (a scan leaves the dense rows for them), and ones that fold to such characters or from them. */
    @Test
    void scanShouldAgreeWithANaiveSearchOnMixedScripts() {
        agreeWithANaiveSearch(new Random(17), "abAB s\u017fk\u212a\u00b5\u03bc\u039c\u00df\u00ff\u0178\u4e2d");
    }

    /** Automata whose states but the root's (or the root's and its children's) have no dense row: moves by the states' nodes. */
    @Test
    void scanShouldAgreeWithANaiveSearchWhereStatesHaveNoDenseRow() {
        agreeWithANaiveSearch(new Random(19), "abcab cdAB", 1);
        agreeWithANaiveSearch(new Random(23), "abcab cdAB", 40);
        agreeWithANaiveSearch(new Random(29), "abAB s\u017fk\u212a\u00b5\u03bc\u039c\u00df\u00ff\u0178\u4e2d", 1);
        agreeWithANaiveSearch(new Random(31), "abAB s\u017fk\u212a\u00b5\u03bc\u039c\u00df\u00ff\u0178\u4e2d", 60);
    }

    private static void agreeWithANaiveSearch(Random random, String alphabet) {
        agreeWithANaiveSearch(random, alphabet, Integer.MAX_VALUE);
    }

    private static void agreeWithANaiveSearch(Random random, String alphabet, int maxDenseCells) {
        for (int round = 0; round < 300; round++) {
            List<String> literals = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(30); i++) {
                literals.add(randomText(random, alphabet, 1 + random.nextInt(5)));
            }
            LiteralMatcher matcher = LiteralMatcher.of(literals, maxDenseCells);
            String text = randomText(random, alphabet, random.nextInt(200));

            List<String> expected = new ArrayList<>();
            String folded = CaseFold.fold(text);
            for (int i = 0; i < literals.size(); i++) {
                String literal = CaseFold.fold(literals.get(i));
                for (int at = folded.indexOf(literal); at >= 0; at = folded.indexOf(literal, at + 1)) {
                    expected.add(i + "@" + at);
                }
            }
            List<String> found = new ArrayList<>();
            List<Integer> ends = new ArrayList<>();
            matcher.scan(text, (literal, start) -> {
                found.add(literal + "@" + start);
                ends.add(start + matcher.length(literal));
            });
            assertThat(found).as("%s in %s", literals, text).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(ends).as("reported in the order of their last characters").isSorted();
        }
    }

    /** Thousands of literals: dense rows for the shallow states, sparse children deeper; scanning is the same. */
    @Test
    void scanShouldAgreeWithANaiveSearchOnALargeAutomaton() {
        Random random = new Random(13);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 ";
        List<String> literals = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            literals.add(randomText(random, alphabet, 3 + random.nextInt(4)));
        }
        LiteralMatcher matcher = LiteralMatcher.of(literals);
        String text = randomText(random, alphabet, 20_000);

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < literals.size(); i++) {
            String literal = literals.get(i);
            for (int at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + 1)) {
                expected.add(i + "@" + at);
            }
        }
        List<String> found = new ArrayList<>();
        matcher.scan(text, (literal, start) -> found.add(literal + "@" + start));
        assertThat(expected).as("occurrences in the random text").hasSizeGreaterThan(100);
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
