package org.cleanmail.core.pipeline;

import java.util.List;

import org.cleanmail.core.scan.MessageScanner;
import org.cleanmail.core.scan.RuleHit;

/** The hits of a scanner that reads the raw message, such as {@link org.cleanmail.core.scan.RuleListScanner}. */
public final class RawRulesHitSource implements HitSource {
    private final MessageScanner scanner;

    public RawRulesHitSource(MessageScanner scanner) {
        this.scanner = scanner;
    }

    @Override
    public List<RuleHit> hits(ScanInput input) {
        return scanner.scan(input.raw()).hits();
    }

    @Override
    public int ruleCount() {
        return scanner.ruleCount();
    }
}
