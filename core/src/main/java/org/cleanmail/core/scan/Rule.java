package org.cleanmail.core.scan;

import java.util.Optional;

/** One test applied to a message; it fires with a hit or stays silent. */
public interface Rule {
    String name();

    Optional<RuleHit> evaluate(RawMessage message);
}
