package org.cleanmail.matchers;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;
import org.cleanmail.james.CleanMailRuntime;
import org.cleanmail.james.ConfigurationException;
import org.cleanmail.james.SettingParser;
import org.cleanmail.james.verdict.ScanVerdicts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches mail whose CleanMail score (set by the {@code ScoreMessage} mailet) reaches a
 * threshold: all recipients, or none. The threshold is the condition, or when there is
 * none, {@code scoring.threshold} of {@code cleanmail.properties} (5.0 by default). Mail
 * that was not scored never matches, and a warning says so.
 *
 * <pre><code>
 * &lt;mailet match="org.cleanmail.matchers.ScoreAtLeast" class="org.cleanmail.mailets.Quarantine"/&gt;
 * &lt;mailet match="org.cleanmail.matchers.ScoreAtLeast=15.0" class="Null"/&gt;
 * </code></pre>
 */
public class ScoreAtLeast extends GenericMatcher {
    private static final Logger LOGGER = LoggerFactory.getLogger(ScoreAtLeast.class);

    private final CleanMailRuntime runtime;
    private double threshold;

    @Inject
    public ScoreAtLeast(CleanMailRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void init() throws MessagingException {
        String condition = Optional.ofNullable(getCondition()).map(String::trim).orElse("");
        if (condition.isEmpty()) {
            threshold = runtime.configuration().threshold();
            return;
        }
        try {
            threshold = new SettingParser("matcher ScoreAtLeast").parseDouble("condition", condition,
                "match=\"org.cleanmail.matchers.ScoreAtLeast=5.0\"");
        } catch (ConfigurationException e) {
            throw new MessagingException(e.getMessage(), e);
        }
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        Optional<Double> score = ScanVerdicts.score(mail);
        if (score.isEmpty()) {
            LOGGER.warn("{} has no CleanMail score: it is not matched as spam. Put the ScoreMessage mailet before this matcher.",
                mail.getName());
            return List.of();
        }
        if (score.get() >= threshold) {
            return mail.getRecipients();
        }
        return List.of();
    }

    public double threshold() {
        return threshold;
    }
}
