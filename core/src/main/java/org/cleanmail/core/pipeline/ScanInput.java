package org.cleanmail.core.pipeline;

import java.util.Objects;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.scan.RawMessage;

/** A message as every hit source sees it: its bytes as received (capped) and what parsing found in them. */
public final class ScanInput {
    private final RawMessage raw;
    private final MessageFeatures features;

    public ScanInput(RawMessage raw, MessageFeatures features) {
        this.raw = Objects.requireNonNull(raw, "raw");
        this.features = Objects.requireNonNull(features, "features");
    }

    public RawMessage raw() {
        return raw;
    }

    public MessageFeatures features() {
        return features;
    }
}
