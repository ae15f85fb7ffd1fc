package org.cleanmail.core.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cleanmail.core.fingerprint.CorpusMessages.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;

/**
 * Compares fuzzy schemes on the corpus by brute force (no index): MinHash with 32 or 64
 * values over 2- or 3-word shingles, and 64-bit SimHash over 3-word shingles. For each:
 * the share of mutated spam copies still matching their original, and the ham messages
 * that match some spam, across thresholds. Catch rates are measured on odd-numbered spam,
 * false matches on all ham. Runs on demand (about a minute):
 * {@code mvn -B -q -pl core verify -Dcleanmail.measure=true -Dtest=FuzzySchemeMeasurement}.
 * Figures go to {@code target/measurements/fuzzy-schemes.txt}.
 */
@EnabledIfSystemProperty(named = "cleanmail.measure", matches = "true")
class FuzzySchemeMeasurement {
    private static final HashFunction WORD_HASH = Hashing.murmur3_128(0x5eed);

    private final MeasurementLog log = new MeasurementLog("fuzzy-schemes");
    private final TextNormalizer normalizer = new TextNormalizer();

    /** One scheme's view of a text: null when the text is too short for it. */
    private interface Scheme {
        String name();

        long[] sketch(List<String> words);

        /** Higher means more similar. */
        int similarity(long[] a, long[] b);

        int[] thresholds();
    }

    @Test
    void compareSchemes() {
        List<Sample> spam = CorpusMessages.load("spam");
        List<Sample> ham = CorpusMessages.load("ham");
        List<Scheme> schemes = List.of(minHash(32, 3), minHash(32, 2), minHash(64, 3), simHash(3));
        for (Scheme scheme : schemes) {
            measure(scheme, spam, ham);
        }
        assertThat(spam).isNotEmpty();
    }

    private void measure(Scheme scheme, List<Sample> spam, List<Sample> ham) {
        List<long[]> learnt = new ArrayList<>();
        List<long[]> originals = new ArrayList<>();
        List<long[]> allEdits = new ArrayList<>();
        List<long[]> fivePercent = new ArrayList<>();
        for (Sample sample : spam) {
            Optional<long[]> sketch = sketch(scheme, sample.content().bodyText());
            if (sketch.isEmpty()) {
                continue;
            }
            learnt.add(sketch.get());
            if (sample.number() % 2 == 1) {
                originals.add(sketch.get());
                allEdits.add(sketch(scheme, Mutations.ALL_OF_THEM.applyKeepingFooter(sample.content().bodyText(),
                    sample.number())).orElse(null));
                fivePercent.add(sketch(scheme, Mutations.REPLACE_FIVE_PERCENT_OF_WORDS.applyKeepingFooter(
                    sample.content().bodyText(), sample.number())).orElse(null));
            }
        }
        List<Integer> bestHamSimilarity = new ArrayList<>();
        for (Sample sample : ham) {
            Optional<long[]> sketch = sketch(scheme, sample.content().bodyText());
            if (sketch.isPresent()) {
                int best = Integer.MIN_VALUE;
                for (long[] other : learnt) {
                    best = Math.max(best, scheme.similarity(sketch.get(), other));
                }
                bestHamSimilarity.add(best);
            }
        }
        log.line("%s: %d spam sketched, %d odd-numbered; %d ham sketched", scheme.name(), learnt.size(),
            originals.size(), bestHamSimilarity.size());
        for (int threshold : scheme.thresholds()) {
            log.line("  threshold %3d: copies caught, all edits %.1f%%, 5%% words %.1f%%; ham matching some spam: %d",
                threshold, caught(scheme, originals, allEdits, threshold), caught(scheme, originals, fivePercent, threshold),
                bestHamSimilarity.stream().filter(similarity -> similarity >= threshold).count());
        }
    }

    private static double caught(Scheme scheme, List<long[]> originals, List<long[]> copies, int threshold) {
        int caught = 0;
        for (int i = 0; i < originals.size(); i++) {
            if (copies.get(i) != null && scheme.similarity(originals.get(i), copies.get(i)) >= threshold) {
                caught++;
            }
        }
        return 100.0 * caught / originals.size();
    }

    private Optional<long[]> sketch(Scheme scheme, String body) {
        NormalizedText text = normalizer.normalize(body);
        if (text.contentWordCount() < FingerprintSettings.DEFAULT_MIN_FUZZY_WORDS
            || text.text().length() < FingerprintSettings.DEFAULT_MIN_FUZZY_CHARS) {
            return Optional.empty();
        }
        return Optional.of(scheme.sketch(text.words()));
    }

    private static Scheme minHash(int values, int shingleSize) {
        MinHasher hasher = new MinHasher(shingleSize, values, FingerprintSettings.DEFAULT_SEED);
        return new Scheme() {
            @Override
            public String name() {
                return "MinHash " + values + " values, " + shingleSize + "-word shingles (similarity = agreeing values)";
            }

            @Override
            public long[] sketch(List<String> words) {
                MinHashSignature signature = hasher.signature(words);
                long[] sketch = new long[values];
                for (int i = 0; i < values; i++) {
                    sketch[i] = signature.value(i);
                }
                return sketch;
            }

            @Override
            public int similarity(long[] a, long[] b) {
                int agreeing = 0;
                for (int i = 0; i < a.length; i++) {
                    agreeing += a[i] == b[i] ? 1 : 0;
                }
                return agreeing;
            }

            @Override
            public int[] thresholds() {
                int half = values / 2;
                return new int[] {half * 3 / 8, half / 2, half * 3 / 4, half + 1, half * 5 / 4};
            }
        };
    }

    private static Scheme simHash(int shingleSize) {
        return new Scheme() {
            @Override
            public String name() {
                return "SimHash 64 bits, " + shingleSize + "-word shingles (similarity = 64 - Hamming distance)";
            }

            @Override
            public long[] sketch(List<String> words) {
                int[] votes = new int[64];
                for (int start = 0; start + shingleSize <= words.size(); start++) {
                    String shingle = String.join(" ", words.subList(start, start + shingleSize));
                    long hash = WORD_HASH.hashString(shingle, StandardCharsets.UTF_8).asLong();
                    for (int bit = 0; bit < 64; bit++) {
                        votes[bit] += ((hash >>> bit) & 1) == 1 ? 1 : -1;
                    }
                }
                long fingerprint = 0;
                for (int bit = 0; bit < 64; bit++) {
                    if (votes[bit] > 0) {
                        fingerprint |= 1L << bit;
                    }
                }
                return new long[] {fingerprint};
            }

            @Override
            public int similarity(long[] a, long[] b) {
                return 64 - Long.bitCount(a[0] ^ b[0]);
            }

            @Override
            public int[] thresholds() {
                return new int[] {50, 54, 58, 61};
            }
        };
    }
}
