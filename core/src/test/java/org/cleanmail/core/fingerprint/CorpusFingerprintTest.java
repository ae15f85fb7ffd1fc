package org.cleanmail.core.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

import org.cleanmail.core.fingerprint.CorpusMessages.Sample;
import org.cleanmail.core.fingerprint.store.FingerprintEntry;
import org.cleanmail.core.fingerprint.store.SettableClock;
import org.cleanmail.core.fingerprint.store.embedded.EmbeddedFingerprintStore;
import org.cleanmail.core.fingerprint.store.embedded.EmbeddedStoreSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fingerprints on the public SpamAssassin corpus: every spam message is learnt, then
 * mutated copies of the odd-numbered spam files must match, and ham must not. Figures go
 * to {@code target/measurements/corpus-fingerprints.txt}.
 */
class CorpusFingerprintTest {
    private static final FingerprintCalculator CALCULATOR = new FingerprintCalculator(FingerprintSettings.defaults());
    private static final MeasurementLog LOG = new MeasurementLog("corpus-fingerprints");

    private static List<Sample> spam;
    private static List<Sample> ham;
    private static EmbeddedFingerprintStore store;
    private static FingerprintMatcher matcher;
    /** Which spam file first taught each stored text fingerprint. */
    private static final Map<FingerprintId, String> TAUGHT_BY = new HashMap<>();

    @BeforeAll
    static void learnAllSpam() throws IOException {
        spam = CorpusMessages.load("spam");
        ham = CorpusMessages.load("ham");
        store = EmbeddedFingerprintStore.open(EmbeddedStoreSettings.inMemory().build(),
            new SettableClock(Instant.parse("2026-11-25T10:00:00Z")));
        matcher = new FingerprintMatcher(CALCULATOR, store);
        for (Sample sample : spam) {
            matcher.learn(sample.content(), FingerprintSource.RULES, 1.0);
            for (FingerprintMatch match : matcher.match(sample.content())) {
                TAUGHT_BY.putIfAbsent(match.id(), sample.name());
            }
        }
        long withFuzzy = spam.stream().filter(sample -> fuzzy(sample.content()).isPresent()).count();
        LOG.line("corpus: %d spam, %d ham; spam with a fuzzy fingerprint: %d; store after learning all spam: %s",
            spam.size(), ham.size(), withFuzzy, store.stats());
    }

    @AfterAll
    static void closeStore() throws IOException {
        store.close();
    }

    private static Optional<MinHashSignature> fuzzy(DecodedContent content) {
        return CALCULATOR.fingerprints(content).textFuzzy().flatMap(Fingerprint::signature);
    }

    private static boolean textMatches(String text) {
        return matcher.match(DecodedContent.ofText(text)).stream()
            .anyMatch(match -> match.kind() == FingerprintKind.TEXT_FUZZY || match.kind() == FingerprintKind.TEXT_EXACT);
    }

    @Test
    void exactFingerprintShouldBeStableUnderWhiteSpaceCaseAndNumberChanges() {
        int compared = 0;
        List<String> unstable = new ArrayList<>();
        for (Sample sample : spam) {
            Optional<Fingerprint> original = CALCULATOR.fingerprints(sample.content()).textExact();
            if (original.isEmpty()) {
                continue;
            }
            compared++;
            String variant = respaceRecaseRenumber(sample.content().bodyText(), new Random(sample.number()));
            if (!CALCULATOR.fingerprints(DecodedContent.ofText(variant)).textExact().equals(original)) {
                unstable.add(sample.name());
            }
        }

        LOG.line("exact text fingerprint stable under white space/case/number edits: %d of %d spam",
            compared - unstable.size(), compared);
        assertThat(compared).isGreaterThan(1500);
        assertThat(unstable).isEmpty();
    }

    private static String respaceRecaseRenumber(String text, Random random) {
        StringBuilder variant = new StringBuilder(text.length() + 64);
        boolean upper = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                variant.append(random.nextBoolean() ? "  " : " \t");
                upper = random.nextInt(4) == 0;
            } else if (c == '\n') {
                variant.append(" \r\n");
            } else if (Character.isDigit(c)) {
                variant.append((char) ('0' + random.nextInt(10)));
            } else {
                variant.append(upper ? Character.toUpperCase(c) : c);
            }
        }
        return variant.toString();
    }

    @ParameterizedTest
    @EnumSource(Mutations.class)
    void fuzzyMatchingShouldCatchTheLargeMajorityOfMutatedCopies(Mutations mutation) {
        // Measured with 2-word shingles (chosen on the odd-numbered files): 99% to 100% for
        // each edit alone, 95% for all edits at once (with 3-word shingles: 69%).
        double expected = mutation == Mutations.ALL_OF_THEM ? 0.92 : 0.97;
        assertThat(catchRate(mutation, 1)).isGreaterThanOrEqualTo(expected);
        assertThat(catchRate(mutation, 0)).isGreaterThanOrEqualTo(expected);
    }

    private static double catchRate(Mutations mutation, int parity) {
        int tried = 0;
        int caught = 0;
        for (Sample sample : spam) {
            if (sample.number() % 2 != parity || fuzzy(sample.content()).isEmpty()) {
                continue;
            }
            tried++;
            if (textMatches(mutatedCopy(sample, mutation, sample.number()))) {
                caught++;
            }
        }
        double rate = (double) caught / tried;
        LOG.line("mutation %s: caught %d of %d %s-numbered spam with a fuzzy fingerprint (%.1f%%)",
            mutation, caught, tried, parity == 1 ? "odd" : "even", rate * 100);
        assertThat(tried).isGreaterThan(700);
        return rate;
    }

    private static String mutatedCopy(Sample sample, Mutations mutation, long seed) {
        return mutation.applyKeepingFooter(sample.content().bodyText(), seed);
    }

    @Test
    void bandIndexShouldFindEveryMatchThatAFullScanFinds() {
        List<MinHashSignature> learnt = spam.stream().map(sample -> fuzzy(sample.content()))
            .flatMap(Optional::stream).collect(Collectors.toList());
        int minAgreeing = CALCULATOR.settings().minAgreeingValues();
        int scanMatches = 0;
        int indexMatches = 0;
        for (Sample sample : spam) {
            Optional<MinHashSignature> mutated = fuzzy(DecodedContent.ofText(
                mutatedCopy(sample, Mutations.ALL_OF_THEM, sample.number() + 1)));
            if (mutated.isEmpty()) {
                continue;
            }
            boolean scanFinds = learnt.stream().anyMatch(signature -> signature.agreeingValues(mutated.get()) >= minAgreeing);
            boolean indexFinds = store.lookupFuzzy(mutated.get(), CALCULATOR.settings().minSimilarity()).isPresent();
            scanMatches += scanFinds ? 1 : 0;
            indexMatches += indexFinds ? 1 : 0;
            assertThat(indexFinds).as(sample.name()).isEqualTo(scanFinds);
        }
        LOG.line("band index vs full scan on mutated spam: %d vs %d matches", indexMatches, scanMatches);
        assertThat(scanMatches).isPositive();
    }

    @Test
    void hamShouldNotTextMatchLearntSpam() {
        List<String> falseMatches = new ArrayList<>();
        int hamWithFuzzy = 0;
        for (Sample sample : ham) {
            hamWithFuzzy += fuzzy(sample.content()).isPresent() ? 1 : 0;
            for (FingerprintMatch match : matcher.match(DecodedContent.ofText(sample.content().bodyText()))) {
                falseMatches.add(String.format("%s %s similarity %.2f learnt from %s", sample.name(), match.kind(),
                    match.similarity(), TAUGHT_BY.getOrDefault(match.id(), "?")));
            }
        }

        LOG.line("ham text matching learnt spam: %d of %d ham (%d with a fuzzy fingerprint)",
            falseMatches.size(), ham.size(), hamWithFuzzy);
        falseMatches.forEach(line -> LOG.line("  false match: %s", line));
        assertThat(falseMatches).isEmpty();
    }

    @Test
    void urlAndAttachmentMatchesOfHamShouldBeCounted() {
        int urlSetMatches = 0;
        Map<String, Integer> matchedSets = new HashMap<>();
        for (Sample sample : ham) {
            long matches = matcher.match(sample.content()).stream()
                .filter(match -> match.kind() == FingerprintKind.URL_SET).count();
            urlSetMatches += (int) matches;
            if (matches > 0) {
                matchedSets.merge(new java.util.TreeSet<>(sample.content().linkHosts()).toString(), 1, Integer::sum);
            }
        }
        matchedSets.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
            .forEach(entry -> LOG.line("  URL set matched by %d ham: %s", entry.getValue(), entry.getKey()));
        long learntUrlSets = store.stats().count(FingerprintKind.URL_SET);

        LOG.line("ham whose URL host set equals that of a learnt spam: %d of %d (learnt URL sets: %d)",
            urlSetMatches, ham.size(), learntUrlSets);
        assertThat(learntUrlSets).isPositive();
        assertThat(urlSetMatches).isLessThan(ham.size() / 100);
    }

    @Test
    void entriesShouldCarryTheHitsOfDuplicateSpam() {
        Optional<FingerprintEntry> mostHit = store.list(Optional.of(FingerprintKind.TEXT_FUZZY), Optional.empty(), 10_000)
            .entries().stream().max((a, b) -> Long.compare(a.hitCount(), b.hitCount()));

        LOG.line("most learnt fuzzy entry: %d hits", mostHit.map(FingerprintEntry::hitCount).orElse(0L));
        assertThat(mostHit).hasValueSatisfying(entry -> assertThat(entry.hitCount()).isGreaterThan(1));
    }
}
