package org.cleanmail.core.scoring;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cleanmail.core.fingerprint.MeasurementLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@link SameHitsCheck} on every corpus message (ham and spam), or every n-th with
 * {@code -Dcleanmail.same-hits.step=n}: the fast paths against plain matching; the stock
 * rules, plus the rule file {@code -Dcleanmail.same-hits.rules=FILE} names (e.g. the synthetic
 * rules {@code ./cleanmail bench --keep-rules FILE} kept). Prints the
 * differences (there should be none), asserts nothing. Run with
 * {@code mvn -B -o -q -pl core verify -Dcleanmail.measure=true -Dtest=SameHitsMeasurement};
 * result in {@code core/target/measurements/same-hits.txt}.
 */
@EnabledIfSystemProperty(named = "cleanmail.measure", matches = "true")
class SameHitsMeasurement {
    @Test
    void compareOnWholeCorpus() throws IOException {
        String extraRules = System.getProperty("cleanmail.same-hits.rules");
        SameHitsCheck check;
        if (extraRules == null) {
            check = new SameHitsCheck();
        } else {
            check = new SameHitsCheck(StockRules.loadWith(Path.of(extraRules), EvalFunctions.none()));
        }
        int step = Integer.getInteger("cleanmail.same-hits.step", 1);
        List<Path> files = new ArrayList<>(StockRules.allMessages("ham"));
        files.addAll(StockRules.allMessages("spam"));
        for (int i = 0; i < files.size(); i += step) {
            check.check(files.get(i));
        }
        MeasurementLog log = new MeasurementLog("same-hits");
        log.line("every %d-th message of ham and spam: %s", step, check.summary());
        check.differences().forEach(difference -> log.line("%s", difference));
    }
}
