package org.cleanmail.mailets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.cleanmail.core.policy.ScanFindings;
import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.core.scan.ScanResult;
import org.cleanmail.james.CleanMailAttributes;

/** The scan findings {@code ScoreMessage} left on a mail as attributes: its score and the names of the rules that fired. */
final class ScoredMail {
    private ScoredMail() {
    }

    /**
     * The findings, empty when the mail was not scored. The per-rule points are not kept
     * on the mail, so the total score is carried by the first hit (or a hit without a name
     * when none fired); only the total and the names are read downstream.
     */
    static Optional<ScanFindings> findings(Mail mail) {
        Optional<Double> score = mail.getAttribute(CleanMailAttributes.SCORE)
            .flatMap(attribute -> attribute.getValue().valueAs(Double.class));
        if (score.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        mail.getAttribute(CleanMailAttributes.HITS).ifPresent(attribute -> {
            Object value = attribute.getValue().value();
            if (value instanceof Collection) {
                for (Object item : (Collection<?>) value) {
                    Object name = item instanceof AttributeValue ? ((AttributeValue<?>) item).value() : item;
                    names.add(String.valueOf(name));
                }
            }
        });
        List<RuleHit> hits = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            hits.add(new RuleHit(names.get(i), i == 0 ? score.get() : 0.0, ""));
        }
        if (hits.isEmpty() && score.get() != 0.0) {
            hits.add(new RuleHit("SCORE", score.get(), ""));
        }
        return Optional.of(ScanFindings.of(new ScanResult(hits, false)));
    }
}
