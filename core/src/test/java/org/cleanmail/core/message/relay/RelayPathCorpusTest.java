package org.cleanmail.core.message.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.message.MessageParser;
import org.cleanmail.core.rules.sa.RuleLoadOptions;
import org.cleanmail.core.rules.sa.SpamAssassinRuleLoader;
import org.junit.jupiter.api.Test;

/**
 * Compares our relay analysis with SpamAssassin's on real corpus messages. Needs the file
 * SpamAssassin's relays were recorded in, one line per message:
 * {@code ham/00001.eml<TAB>Trusted<TAB>Untrusted<TAB>Internal<TAB>External}, given as
 * {@code -Dcleanmail.sa.relays=PATH}; skipped without it. Make it with the
 * {@code spamassassin-relays.py} script next to this test in the test resources, e.g.
 * {@code python3 spamassassin-relays.py ../shared/corpus/spamassassin-public 20 /tmp/sa-relays.tsv}.
 */
class RelayPathCorpusTest {
    private static final Logger LOGGER = Logger.getLogger(RelayPathCorpusTest.class.getName());

    @Test
    void relayPseudoHeadersShouldMatchSpamAssassinsOnTheCorpus() throws IOException {
        String relaysFile = System.getProperty("cleanmail.sa.relays");
        assumeTrue(relaysFile != null && Files.isReadable(Path.of(relaysFile)), "no -Dcleanmail.sa.relays file");
        Path corpus = Path.of(System.getProperty("cleanmail.corpus", "../../shared/corpus"), "spamassassin-public");

        // the stock rules set originating_ip_headers (X-Originating-IP and the like), as SpamAssassin reads them
        RelayNetworks networks = new SpamAssassinRuleLoader(RuleLoadOptions.defaults())
            .loadDirectory(Path.of(System.getProperty("cleanmail.sa.rules", "/usr/share/spamassassin"))).relayNetworks();
        assertThat(networks.originatingIpHeaders()).contains("X-Originating-IP");

        int messages = 0;
        int agreeing = 0;
        List<String> differences = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(relaysFile))) {
            String[] expected = line.split("\t", -1);
            MessageFeatures features = MessageParser.defaultParser().parse(Files.readAllBytes(corpus.resolve(expected[0])));
            RelayPath path = RelayPath.of(features.headers(), networks);
            String[] ours = {path.trustedText(), path.untrustedText(), path.internalText(), path.externalText()};
            messages++;
            boolean same = true;
            for (int i = 0; i < ours.length; i++) {
                if (!ours[i].equals(expected[i + 1])) {
                    same = false;
                    differences.add(expected[0] + " column " + (i + 1) + "\n  SA:   " + expected[i + 1] + "\n  ours: " + ours[i]);
                }
            }
            agreeing += same ? 1 : 0;
        }
        String report = "relay pseudo-headers identical to SpamAssassin's: " + agreeing + " / " + messages + "\n"
            + String.join("\n", differences.subList(0, Math.min(40, differences.size())));
        LOGGER.info(report);

        assertThat(messages).isGreaterThan(0);
        assertThat(agreeing * 100 / messages).isGreaterThanOrEqualTo(95);
    }
}
