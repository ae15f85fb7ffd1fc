package org.cleanmail.core.pipeline;

import java.util.List;

import org.cleanmail.core.scan.RuleHit;

/**
 * One thing that adds rule hits to a message's score: the rule engine, the fingerprint
 * database. Thread-safe; never throws for an odd message (it returns no hit).
 */
public interface HitSource {
    /** The message's hits, in the order of their names. */
    List<RuleHit> hits(ScanInput input);

    /** How many rules this source evaluates, for status reports. */
    int ruleCount();
}
