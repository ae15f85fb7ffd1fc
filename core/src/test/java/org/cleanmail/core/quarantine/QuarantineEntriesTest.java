package org.cleanmail.core.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.cleanmail.core.policy.DecisionStage;
import org.cleanmail.core.policy.DispositionPlan;
import org.cleanmail.core.policy.DispositionPlanner;
import org.cleanmail.core.policy.DispositionReason;
import org.cleanmail.core.policy.EffectivePolicy;
import org.cleanmail.core.policy.RecipientGroup;
import org.cleanmail.core.policy.RecipientPolicy;
import org.cleanmail.core.policy.ScanFindings;
import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.core.scan.ScanResult;
import org.junit.jupiter.api.Test;

class QuarantineEntriesTest {
    private static final Instant ARRIVAL = Instant.parse("2026-03-01T10:00:00Z");

    private final ScanFindings findings = ScanFindings.of(new ScanResult(List.of(
        new RuleHit("GTUBE", 1000.0, "test"), new RuleHit("BAYES_99", 3.5, "bayes")), false));

    private DispositionPlan plan(String... recipients) {
        List<RecipientPolicy> policies = Arrays.stream(recipients)
            .map(recipient -> RecipientPolicy.of(recipient, EffectivePolicy.builtIn(recipient)))
            .toList();
        return new DispositionPlanner().plan(findings, policies, DecisionStage.AFTER_ACCEPTANCE);
    }

    @Test
    void aQuarantinedGroupShouldGiveOneEntryPerRecipientExpiringAfterTheRetention() {
        RecipientGroup group = plan("alice@example.com", "Bob@Example.com").groups().get(0);

        List<QuarantineEntry> entries = QuarantineEntries.forGroup("Mail1", group, "spammer@bad.example", "Buy",
            findings, ARRIVAL);

        assertThat(entries).extracting(QuarantineEntry::recipient).containsExactly("alice@example.com", "bob@example.com");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.mailKey()).isEqualTo("Mail1");
            assertThat(entry.score()).isEqualTo(1003.5);
            assertThat(entry.hits()).containsExactly("BAYES_99", "GTUBE");
            assertThat(entry.reason()).isEqualTo(DispositionReason.CERTAIN_SPAM);
            assertThat(entry.expiry()).isEqualTo(ARRIVAL.plus(Duration.ofDays(15)));
            assertThat(entry.released()).isFalse();
        });
    }

    @Test
    void aRecipientThatIsNoAddressShouldBeSkipped() {
        RecipientGroup group = plan("alice@example.com", "nobody").groups().get(0);

        assertThat(QuarantineEntries.forGroup("Mail1", group, "", "", findings, ARRIVAL))
            .extracting(QuarantineEntry::recipient).containsExactly("alice@example.com");
    }

    @Test
    void aDeliveredGroupShouldBeRefused() {
        ScanFindings clean = ScanFindings.of(new ScanResult(List.of(), false));
        RecipientGroup group = new DispositionPlanner().plan(clean,
            List.of(RecipientPolicy.of("a@example.com", EffectivePolicy.builtIn("a@example.com"))),
            DecisionStage.AFTER_ACCEPTANCE).groups().get(0);

        assertThatThrownBy(() -> QuarantineEntries.forGroup("Mail1", group, "", "", clean, ARRIVAL))
            .hasMessage("only a QUARANTINE group has quarantine entries; this group is DELIVER");
    }
}
