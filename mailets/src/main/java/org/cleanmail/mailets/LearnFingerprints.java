package org.cleanmail.mailets;

import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.james.CleanMailRuntime;
import org.cleanmail.james.verdict.CappedMessageReader;
import org.cleanmail.james.verdict.ScanVerdicts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teaches the fingerprint database, and the Bayes filter, the spam it sees: a mail whose CleanMail score is at
 * least {@code fingerprints.learn.threshold} of {@code cleanmail.properties} (12.0 by
 * default, well above the spam threshold, so that mail scored near the threshold never
 * poisons the database) has its fingerprints added; a later copy or near-copy then hits
 * {@code FINGERPRINT_EXACT} / {@code FINGERPRINT_FUZZY}. Mail that was not scored, scored
 * lower, or that arrives while fingerprints and Bayes are disabled passes untouched; clean
 * mail teaches the Bayes filter through {@link LearnHam}. Place it
 * where spam is disposed of, before the mailet that ends its processing.
 *
 * <pre><code>
 * &lt;processor state="spam"&gt;
 *   &lt;mailet match="All" class="org.cleanmail.mailets.LearnFingerprints"/&gt;
 *   &lt;mailet match="All" class="org.cleanmail.mailets.Quarantine"/&gt;
 * &lt;/processor&gt;
 * </code></pre>
 */
public class LearnFingerprints extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(LearnFingerprints.class);

    private final CleanMailRuntime runtime;

    @Inject
    public LearnFingerprints(CleanMailRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of());
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Optional<Double> score = ScanVerdicts.score(mail);
        double learnThreshold = runtime.engine().fingerprintOptions().learnThreshold();
        boolean learns = runtime.engine().fingerprints().isPresent() || runtime.engine().bayes().isPresent();
        if (!learns || score.isEmpty() || score.get() < learnThreshold) {
            return;
        }
        runtime.engine().learnSpam(runtime.engine().parse(
            CappedMessageReader.read(mail.getMessage(), runtime.configuration().maxMessageSize())), FingerprintSource.RULES);
        LOGGER.info("Learnt {} as spam (score {})", mail.getName(), score.get());
    }

    @Override
    public String getMailetInfo() {
        return "CleanMail LearnFingerprints";
    }
}
