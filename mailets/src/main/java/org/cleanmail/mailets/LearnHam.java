package org.cleanmail.mailets;

import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.core.scan.ScanResult;
import org.cleanmail.james.CleanMailRuntime;
import org.cleanmail.james.verdict.CappedMessageReader;
import org.cleanmail.james.verdict.ScanVerdicts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teaches the Bayes filter the clean mail it sees, as SpamAssassin's auto-learning does: a
 * mail whose CleanMail score, not counting the points of the {@code BAYES_*} rules
 * themselves (so that the filter does not feed on its own verdicts), is below
 * {@code bayes.learn.ham-threshold} of {@code cleanmail.properties} (0.1 by default) is
 * learnt as ham. Mail that was not scored, scored higher, or that arrives while the Bayes
 * filter is disabled passes untouched. Spam is learnt by {@link LearnFingerprints}.
 *
 * <pre><code>
 * &lt;processor state="cleanmail"&gt;
 *   &lt;mailet match="All" class="org.cleanmail.mailets.ScoreMessage"/&gt;
 *   &lt;mailet match="All" class="org.cleanmail.mailets.LearnFingerprints"/&gt;
 *   &lt;mailet match="All" class="org.cleanmail.mailets.LearnHam"/&gt;
 *   ...
 * &lt;/processor&gt;
 * </code></pre>
 */
public class LearnHam extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(LearnHam.class);
    private static final String BAYES_PREFIX = "BAYES_";

    private final CleanMailRuntime runtime;

    @Inject
    public LearnHam(CleanMailRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of());
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Optional<ScanResult> result = ScanVerdicts.result(mail);
        if (runtime.engine().bayes().isEmpty() || result.isEmpty()) {
            return;
        }
        double withoutBayes = result.get().score() - bayesPoints(result.get());
        if (withoutBayes >= runtime.engine().bayesOptions().hamLearnThreshold()) {
            return;
        }
        runtime.engine().learnHam(runtime.engine().parse(
            CappedMessageReader.read(mail.getMessage(), runtime.configuration().maxMessageSize())), FingerprintSource.RULES);
        LOGGER.debug("Learnt {} as ham (score {} without Bayes)", mail.getName(), withoutBayes);
    }

    /** The points the scan's BAYES_* hits added, as recorded on the mail. */
    private static double bayesPoints(ScanResult result) {
        return result.hits().stream()
            .filter(hit -> hit.name().startsWith(BAYES_PREFIX))
            .mapToDouble(RuleHit::score)
            .sum();
    }

    @Override
    public String getMailetInfo() {
        return "CleanMail LearnHam";
    }
}
