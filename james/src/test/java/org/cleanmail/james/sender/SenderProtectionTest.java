package org.cleanmail.james.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.cleanmail.core.blacklist.BlacklistEntry;
import org.cleanmail.core.blacklist.EntryKind;
import org.cleanmail.core.blacklist.PersonalListKind;
import org.cleanmail.core.blacklist.PersonalVerdict;
import org.cleanmail.core.sender.ReputationScorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SenderProtectionTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private static final SenderSettings SETTINGS = SenderSettings.from(Map.of(), Map.of());

    @TempDir
    Path folder;

    @Test
    void listsShouldSurviveAReopen() {
        SenderProtection first = new SenderProtection(SETTINGS, Optional.of(folder), CLOCK);
        first.blacklist().add(BlacklistEntry.builder(EntryKind.DOMAIN, "spam.example").added(CLOCK.instant()).build());
        first.personalLists().add("alice@mydomain.example", PersonalListKind.WHITELIST, "friend@x.example");

        SenderProtection second = new SenderProtection(SETTINGS, Optional.of(folder), CLOCK);

        assertThat(second.blacklist().matchSender("someone@spam.example")).isPresent();
        assertThat(second.personalLists().verdict("alice@mydomain.example", "friend@x.example"))
            .isEqualTo(PersonalVerdict.WHITELISTED);
    }

    @Test
    void reputationHitsShouldFollowRecordedScans() {
        SenderProtection protection = new SenderProtection(SETTINGS, Optional.empty(), CLOCK);
        for (int i = 0; i < 10; i++) {
            protection.recordScan("203.0.113.7", true);
            protection.recordScan("198.51.100.9", false);
        }

        assertThat(protection.reputationHits("203.0.113.7")).singleElement()
            .satisfies(hit -> assertThat(hit.name()).isEqualTo(ReputationScorer.BAD_REPUTATION));
        assertThat(protection.reputationHits("198.51.100.9")).singleElement()
            .satisfies(hit -> assertThat(hit.name()).isEqualTo(ReputationScorer.GOOD_REPUTATION));
        assertThat(protection.reputationHits("192.0.2.1")).isEmpty();
    }

    @Test
    void reputationHitsShouldBeEmptyForWhatIsNoAddress() {
        SenderProtection protection = new SenderProtection(SETTINGS, Optional.empty(), CLOCK);

        assertThat(protection.reputationHits((String) null)).isEmpty();
        assertThat(protection.reputationHits("localhost")).isEmpty();
    }

    @Test
    void recordShouldShowCountersFlagAndBlacklistEntry() throws Exception {
        SenderProtection protection = new SenderProtection(SETTINGS, Optional.empty(), CLOCK);
        InetAddress client = InetAddress.getByName("203.0.113.7");
        protection.analyzer().onConnect(client);
        for (int i = 0; i < 11; i++) {
            protection.analyzer().onRcpt(client, false, "nobody" + i + "@mydomain.example", false);
        }
        protection.blacklist().add(BlacklistEntry.builder(EntryKind.CIDR, "203.0.113.0/24").added(CLOCK.instant()).build());

        ClientRecord record = protection.record(client);

        assertThat(record.address()).isEqualTo("203.0.113.7");
        assertThat(record.network()).isEqualTo("203.0.113.0/24");
        assertThat(record.openConnections()).isEqualTo(1);
        assertThat(record.counters()).containsEntry("connections", 1L).containsEntry("unknownRecipients", 11L)
            .containsEntry("unknownRecipientsOfNetwork", 10L);
        assertThat(record.flag()).hasValueSatisfying(flag -> assertThat(flag.reasonCode()).isEqualTo("CM-HARVEST"));
        assertThat(record.blacklistEntry()).hasValueSatisfying(entry -> assertThat(entry.value()).isEqualTo("203.0.113.0/24"));
    }
}
