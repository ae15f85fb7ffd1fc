package org.cleanmail.core.pipeline;

import java.util.List;

import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.core.scan.ScanResult;
import org.cleanmail.core.scoring.LiveRules;

/** The hits of the SpamAssassin-compatible rules, on the message as already parsed. */
public final class RuleEngineHitSource implements HitSource {
    private final LiveRules rules;

    public RuleEngineHitSource(LiveRules rules) {
        this.rules = rules;
    }

    @Override
    public List<RuleHit> hits(ScanInput input) {
        return result(input).hits();
    }

    /** The engine's result, whose score it sums from its rules' scores. */
    @Override
    public ScanResult result(ScanInput input) {
        return rules.scan(input.features());
    }

    @Override
    public int ruleCount() {
        return rules.ruleCount();
    }
}
