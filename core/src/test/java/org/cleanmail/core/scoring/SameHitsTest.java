package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The fast paths of matching (anchors, start characters, cheap-first metas) must give
 * the hits plain matching gives: checked here on a sample of the corpus with the stock
 * rules; {@link SameHitsMeasurement} checks every message.
 */
class SameHitsTest {
    @Test
    void fastPathsShouldGiveTheHitsOfPlainMatchingOnCorpusSample() throws IOException {
        SameHitsCheck check = new SameHitsCheck();
        List<Path> files = new ArrayList<>(StockRules.oddSample("ham", 40, 60));
        files.addAll(StockRules.oddSample("spam", 20, 60));
        for (Path file : files) {
            check.check(file);
        }

        assertThat(check.differences()).isEmpty();
        assertThat(check.summary()).contains(files.size() + " messages");
    }
}
