package org.cleanmail.core.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.message.MessageParser;
import org.cleanmail.core.scan.MessageScanner;
import org.cleanmail.core.scan.RawMessage;
import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.core.scan.ScanResult;

/**
 * Scans a message the way CleanMail does, in the server and in the command line alike:
 * parse it once, ask every hit source, add their hits up into one score. A message is
 * truncated when it was cut at the scan cap or the parser hit one of its limits.
 */
public final class PipelineScanner implements MessageScanner {
    private final MessageParser parser;
    private final List<HitSource> sources;

    public PipelineScanner(MessageParser parser, List<HitSource> sources) {
        this.parser = parser;
        this.sources = List.copyOf(sources);
    }

    @Override
    public ScanResult scan(RawMessage message) {
        MessageFeatures features = parser.parse(message);
        ScanInput input = new ScanInput(message, features);
        boolean truncated = message.truncated() || features.truncated();
        List<RuleHit> hits = List.of();
        boolean inNameOrder = true;
        for (HitSource source : sources) {
            List<RuleHit> found = source.hits(input);
            if (hits.isEmpty()) {
                hits = found;
            } else if (!found.isEmpty()) {
                List<RuleHit> both = new ArrayList<>(hits);
                both.addAll(found);
                hits = both;
                inNameOrder = false;
            }
        }
        // one source's hits are in name order already (most messages: the rule engine's thousands); several are sorted
        return inNameOrder ? ScanResult.ofHitsInNameOrder(Collections.unmodifiableList(hits), truncated)
            : new ScanResult(hits, truncated);
    }

    @Override
    public int ruleCount() {
        return sources.stream().mapToInt(HitSource::ruleCount).sum();
    }
}
