package org.cleanmail.core.pipeline;

import java.util.ArrayList;
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
        ScanResult only = null;
        List<RuleHit> several = null;
        for (HitSource source : sources) {
            ScanResult found = source.result(input);
            if (found.hits().isEmpty()) {
                continue;
            }
            if (only == null && several == null) {
                only = found;
            } else {
                several = several == null ? new ArrayList<>(only.hits()) : several;
                several.addAll(found.hits());
                only = null;
            }
        }
        // one source's hits are in name order already, with their score (most messages: the rule engine's thousands); several are sorted
        if (several != null) {
            return new ScanResult(several, truncated);
        }
        return only == null ? ScanResult.ofHitsInNameOrder(List.of(), truncated) : only.withTruncated(truncated);
    }

    @Override
    public int ruleCount() {
        return sources.stream().mapToInt(HitSource::ruleCount).sum();
    }
}
