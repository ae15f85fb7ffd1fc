package org.cleanmail.core.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.cleanmail.core.fingerprint.DecodedContent;
import org.cleanmail.core.fingerprint.FingerprintKind;
import org.cleanmail.core.fingerprint.FingerprintMatch;
import org.cleanmail.core.fingerprint.FingerprintMatcher;
import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.fingerprint.MessageFingerprints;
import org.cleanmail.core.scan.RuleHit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks a message up in the spam fingerprint database: each kind that matches adds one
 * hit ({@link FingerprintScores}) whose detail is the matched fingerprint's id and the
 * similarity, so fingerprints and rules combine in one score. Also learns: messages
 * disposed of as spam, and reports.
 */
public final class FingerprintHitSource implements HitSource {
    private static final Logger LOGGER = LoggerFactory.getLogger(FingerprintHitSource.class);

    private final FingerprintMatcher matcher;
    private final FingerprintScores scores;

    public FingerprintHitSource(FingerprintMatcher matcher, FingerprintScores scores) {
        this.matcher = matcher;
        this.scores = scores;
    }

    @Override
    public List<RuleHit> hits(ScanInput input) {
        List<FingerprintMatch> matches;
        try {
            matches = matcher.match(DecodedContents.from(input.features()));
        } catch (RuntimeException e) {
            LOGGER.warn("Fingerprint lookup failed; the message is scored without fingerprints", e);
            return List.of();
        }
        Map<FingerprintKind, FingerprintMatch> best = new EnumMap<>(FingerprintKind.class);
        for (FingerprintMatch match : matches) {
            best.merge(match.kind(), match, (a, b) -> a.similarity() >= b.similarity() ? a : b);
        }
        List<RuleHit> hits = new ArrayList<>();
        best.values().stream()
            .filter(match -> scores.score(match.kind()) != 0)
            .forEach(match -> hits.add(new RuleHit(FingerprintScores.ruleName(match.kind()), scores.score(match.kind()),
                "Matches the fingerprint of known spam (" + match.kind().name().toLowerCase(Locale.ROOT) + ")",
                Optional.of(match.id() + ":" + String.format(Locale.ROOT, "%.2f", match.similarity())))));
        hits.sort(Comparator.comparing(RuleHit::name));
        return hits;
    }

    /** The message's fingerprints, whether the database knows them or not. */
    public MessageFingerprints fingerprints(ScanInput input) {
        return matcher.fingerprints(DecodedContents.from(input.features()));
    }

    /** What the database knows of the message. */
    public List<FingerprintMatch> matches(ScanInput input) {
        return matcher.match(DecodedContents.from(input.features()));
    }

    /** What the database knows of fingerprints computed before (by {@link #fingerprints}). */
    public List<FingerprintMatch> matches(MessageFingerprints fingerprints) {
        return matcher.match(fingerprints);
    }

    /** Adds fingerprints computed before (by {@link #fingerprints}) to the database as spam. */
    public void learnSpam(MessageFingerprints fingerprints, FingerprintSource source) {
        matcher.learn(fingerprints, source, 1.0);
    }

    /** A ham report of fingerprints computed before (by {@link #fingerprints}). */
    public void vetoHam(MessageFingerprints fingerprints, FingerprintSource source) {
        matcher.veto(fingerprints, source);
    }

    /** Adds the message's fingerprints to the database as spam. */
    public void learnSpam(ScanInput input, FingerprintSource source) {
        DecodedContent content = DecodedContents.from(input.features());
        matcher.learn(content, source, 1.0);
    }

    /** A ham report: the message's fingerprints are removed and vetoed, so they are not learnt again. */
    public void vetoHam(ScanInput input, FingerprintSource source) {
        matcher.veto(DecodedContents.from(input.features()), source);
    }

    @Override
    public int ruleCount() {
        return FingerprintKind.values().length;
    }
}
