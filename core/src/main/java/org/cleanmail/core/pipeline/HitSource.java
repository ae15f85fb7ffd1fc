package org.cleanmail.core.pipeline;

import java.util.Collections;
import java.util.List;

import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.core.scan.ScanResult;

/**
 * One thing that adds rule hits to a message's score: the rule engine, the fingerprint
 * database. Thread-safe; never throws for an odd message (it returns no hit).
 */
public interface HitSource {
    /** The message's hits, in the order of their names. */
    List<RuleHit> hits(ScanInput input);

    /**
     * The message's hits and their score (not truncated): by default {@link #hits} summed; a
     * source that sums them as it finds them says so here.
     */
    default ScanResult result(ScanInput input) {
        return ScanResult.ofHitsInNameOrder(Collections.unmodifiableList(hits(input)), false);
    }

    /** How many rules this source evaluates, for status reports. */
    int ruleCount();
}
