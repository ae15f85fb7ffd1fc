package org.cleanmail.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.cleanmail.core.blacklist.PersonalVerdict;
import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.core.scan.ScanResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DispositionPlannerTest {
    private static final String TAGGED = "tagged@example.com";
    private static final String QUARANTINED = "quarantined@example.com";
    private static final String CLEAN = "clean@example.com";

    private final EmbeddedPolicyStore store = EmbeddedPolicyStore.inMemory();
    private final PolicyResolver resolver = new PolicyResolver(store);
    private final DispositionPlanner planner = new DispositionPlanner();

    private static ScanFindings scored(double score) {
        return ScanFindings.of(new ScanResult(List.of(new RuleHit("TEST_RULE", score, "test")), false));
    }

    private RecipientPolicy recipient(String address) {
        return RecipientPolicy.of(address, resolver.resolve(address));
    }

    private RecipientPolicy recipient(String address, PersonalVerdict verdict) {
        return new RecipientPolicy(address, resolver.resolve(address), verdict);
    }

    @Test
    void threeRecipientsWithThreePoliciesShouldBeTaggedQuarantinedAndDeliveredClean() {
        store.put(PolicyScope.user(TAGGED), Policy.builder()
            .spamThreshold(5.0).spamAction(DispositionAction.DELIVER_TAGGED).build());
        store.put(PolicyScope.user(QUARANTINED), Policy.builder()
            .spamThreshold(5.0).spamAction(DispositionAction.QUARANTINE).quarantineRetentionDays(20).build());
        store.put(PolicyScope.user(CLEAN), Policy.builder().spamThreshold(10.0).build());

        DispositionPlan plan = planner.plan(scored(7.0),
            List.of(recipient(TAGGED), recipient(QUARANTINED), recipient(CLEAN)), DecisionStage.AFTER_ACCEPTANCE);

        assertThat(plan.groups()).hasSize(3);
        Treatment tagged = plan.treatmentOf(TAGGED).orElseThrow();
        assertThat(tagged.action()).isEqualTo(DispositionAction.DELIVER_TAGGED);
        assertThat(tagged.reason()).isEqualTo(DispositionReason.SPAM);
        assertThat(tagged.tagStyle()).contains(new TagStyle("[SPAM]", true, false, false));
        assertThat(tagged.spamThreshold()).contains(5.0);
        Treatment quarantined = plan.treatmentOf(QUARANTINED).orElseThrow();
        assertThat(quarantined.action()).isEqualTo(DispositionAction.QUARANTINE);
        assertThat(quarantined.retention()).contains(Duration.ofDays(20));
        assertThat(quarantined.tagStyle()).isEmpty();
        Treatment clean = plan.treatmentOf(CLEAN).orElseThrow();
        assertThat(clean.action()).isEqualTo(DispositionAction.DELIVER);
        assertThat(clean.reason()).isEqualTo(DispositionReason.CLEAN);
        assertThat(plan.deliveredGroups()).extracting(RecipientGroup::recipients)
            .containsExactly(List.of(TAGGED), List.of(CLEAN));
    }

    @Test
    void recipientsWithTheSameTreatmentShouldShareOneGroupInInputOrder() {
        DispositionPlan plan = planner.plan(scored(1.0),
            List.of(recipient("b@example.com"), recipient("a@example.com")), DecisionStage.AFTER_ACCEPTANCE);

        assertThat(plan.groups()).hasSize(1);
        assertThat(plan.groups().get(0).recipients()).containsExactly("b@example.com", "a@example.com");
    }

    @Test
    void scoreAtTheThresholdShouldBeSpam() {
        Treatment treatment = planner.plan(scored(5.0), List.of(recipient(CLEAN)), DecisionStage.AFTER_ACCEPTANCE)
            .treatmentOf(CLEAN).orElseThrow();

        assertThat(treatment.reason()).isEqualTo(DispositionReason.SPAM);
    }

    @Test
    void scoreAtTheCertainThresholdShouldGetTheCertainSpamAction() {
        store.put(PolicyScope.global(), Policy.builder().certainSpamAction(DispositionAction.DELETE).build());

        Treatment treatment = planner.plan(scored(15.0), List.of(recipient(CLEAN)), DecisionStage.AFTER_ACCEPTANCE)
            .treatmentOf(CLEAN).orElseThrow();

        assertThat(treatment.action()).isEqualTo(DispositionAction.DELETE);
        assertThat(treatment.reason()).isEqualTo(DispositionReason.CERTAIN_SPAM);
    }

    @Test
    void anInheritedCertainThresholdBelowTheUsersSpamThresholdShouldNotMakeHamCertainSpam() {
        store.put(PolicyScope.user(CLEAN), Policy.builder().spamThreshold(20.0).build());

        Treatment treatment = planner.plan(scored(17.0), List.of(recipient(CLEAN)), DecisionStage.AFTER_ACCEPTANCE)
            .treatmentOf(CLEAN).orElseThrow();

        assertThat(treatment.reason()).isEqualTo(DispositionReason.CLEAN);
    }

    @Nested
    class PersonalLists {
        @Test
        void whitelistedSenderShouldBeDeliveredCleanWhateverTheScore() {
            Treatment treatment = planner.plan(scored(100.0), List.of(recipient(CLEAN, PersonalVerdict.WHITELISTED)),
                DecisionStage.AFTER_ACCEPTANCE).treatmentOf(CLEAN).orElseThrow();

            assertThat(treatment.action()).isEqualTo(DispositionAction.DELIVER);
            assertThat(treatment.reason()).isEqualTo(DispositionReason.WHITELISTED);
        }

        @Test
        void blacklistedSenderShouldBeTreatedAsCertainSpam() {
            store.put(PolicyScope.global(), Policy.builder().certainSpamAction(DispositionAction.DELETE).build());

            Treatment treatment = planner.plan(scored(0.0), List.of(recipient(CLEAN, PersonalVerdict.BLACKLISTED)),
                DecisionStage.AFTER_ACCEPTANCE).treatmentOf(CLEAN).orElseThrow();

            assertThat(treatment.action()).isEqualTo(DispositionAction.DELETE);
            assertThat(treatment.reason()).isEqualTo(DispositionReason.BLACKLISTED);
        }

        @Test
        void listsShouldBeIgnoredWhenThePolicyDisablesThem() {
            store.put(PolicyScope.global(), Policy.builder().personalListsEnabled(false).build());

            Treatment treatment = planner.plan(scored(100.0), List.of(recipient(CLEAN, PersonalVerdict.WHITELISTED)),
                DecisionStage.AFTER_ACCEPTANCE).treatmentOf(CLEAN).orElseThrow();

            assertThat(treatment.reason()).isEqualTo(DispositionReason.CERTAIN_SPAM);
        }

        @Test
        void whitelistShouldNotLetAVirusThrough() {
            ScanFindings virus = new ScanFindings(new ScanResult(List.of(), false), true, false);

            Treatment treatment = planner.plan(virus, List.of(recipient(CLEAN, PersonalVerdict.WHITELISTED)),
                DecisionStage.AFTER_ACCEPTANCE).treatmentOf(CLEAN).orElseThrow();

            assertThat(treatment.action()).isEqualTo(DispositionAction.QUARANTINE);
            assertThat(treatment.reason()).isEqualTo(DispositionReason.VIRUS);
        }
    }

    @Test
    void bannedContentShouldGetTheBannedContentAction() {
        store.put(PolicyScope.global(), Policy.builder().bannedContentAction(DispositionAction.DELIVER_TO_SPAM_FOLDER).build());
        ScanFindings banned = new ScanFindings(new ScanResult(List.of(), false), false, true);

        Treatment treatment = planner.plan(banned, List.of(recipient(CLEAN)), DecisionStage.AFTER_ACCEPTANCE)
            .treatmentOf(CLEAN).orElseThrow();

        assertThat(treatment.action()).isEqualTo(DispositionAction.DELIVER_TO_SPAM_FOLDER);
        assertThat(treatment.reason()).isEqualTo(DispositionReason.BANNED_CONTENT);
    }

    @Nested
    class Reject {
        @Test
        void shouldStandBeforeTheEndOfDataWhenEveryRecipientRejects() {
            store.put(PolicyScope.global(), Policy.builder().spamAction(DispositionAction.REJECT).build());

            DispositionPlan plan = planner.plan(scored(6.0), List.of(recipient(CLEAN), recipient(TAGGED)),
                DecisionStage.BEFORE_END_OF_DATA);

            assertThat(plan.isRejected()).isTrue();
        }

        @Test
        void shouldBecomeQuarantineWhenAnotherRecipientAccepts() {
            store.put(PolicyScope.global(), Policy.builder().spamAction(DispositionAction.REJECT).build());
            store.put(PolicyScope.user(TAGGED), Policy.builder().spamAction(DispositionAction.DELIVER_TAGGED).build());

            DispositionPlan plan = planner.plan(scored(6.0), List.of(recipient(CLEAN), recipient(TAGGED)),
                DecisionStage.BEFORE_END_OF_DATA);

            assertThat(plan.isRejected()).isFalse();
            assertThat(plan.treatmentOf(CLEAN).orElseThrow().action()).isEqualTo(DispositionAction.QUARANTINE);
            assertThat(plan.treatmentOf(CLEAN).orElseThrow().reason()).isEqualTo(DispositionReason.SPAM);
            assertThat(plan.treatmentOf(CLEAN).orElseThrow().retention()).contains(Duration.ofDays(15));
        }

        @Test
        void shouldBecomeQuarantineAfterAcceptance() {
            store.put(PolicyScope.global(), Policy.builder().spamAction(DispositionAction.REJECT).build());

            DispositionPlan plan = planner.plan(scored(6.0), List.of(recipient(CLEAN)), DecisionStage.AFTER_ACCEPTANCE);

            assertThat(plan.isRejected()).isFalse();
            assertThat(plan.treatmentOf(CLEAN).orElseThrow().action()).isEqualTo(DispositionAction.QUARANTINE);
        }
    }

    @Test
    void noRecipientsShouldGiveAnEmptyPlanThatRejectsNothing() {
        DispositionPlan plan = planner.plan(scored(100.0), List.of(), DecisionStage.BEFORE_END_OF_DATA);

        assertThat(plan.groups()).isEmpty();
        assertThat(plan.isRejected()).isFalse();
    }

    @Test
    void aRecipientGivenTwiceShouldBePlannedOnce() {
        DispositionPlan plan = planner.plan(scored(1.0), List.of(recipient(CLEAN), recipient(CLEAN)),
            DecisionStage.AFTER_ACCEPTANCE);

        assertThat(plan.groups()).singleElement().extracting(RecipientGroup::recipients).isEqualTo(List.of(CLEAN));
    }

    @Test
    void everyRecipientShouldBeInExactlyOneGroupWhateverThePoliciesAndFindings() {
        Random random = new Random(20261125L);
        DispositionAction[] actions = {DispositionAction.DELIVER_TAGGED, DispositionAction.DELIVER_TO_SPAM_FOLDER,
            DispositionAction.QUARANTINE, DispositionAction.DELETE, DispositionAction.REJECT};
        for (int round = 0; round < 300; round++) {
            EmbeddedPolicyStore policies = EmbeddedPolicyStore.inMemory();
            PolicyResolver roundResolver = new PolicyResolver(policies);
            List<RecipientPolicy> recipients = new ArrayList<>();
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) {
                String address = "user" + random.nextInt(8) + "@d" + random.nextInt(3) + ".example";
                double threshold = random.nextInt(10);
                policies.put(PolicyScope.user(address), Policy.builder()
                    .spamThreshold(threshold)
                    .certainSpamThreshold(threshold + random.nextInt(10))
                    .spamAction(actions[random.nextInt(actions.length)])
                    .certainSpamAction(actions[random.nextInt(actions.length)])
                    .quarantineRetentionDays(1 + random.nextInt(30))
                    .build());
                PersonalVerdict verdict = PersonalVerdict.values()[random.nextInt(PersonalVerdict.values().length)];
                recipients.add(new RecipientPolicy(address, roundResolver.resolve(address), verdict));
            }
            ScanFindings findings = new ScanFindings(
                new ScanResult(List.of(new RuleHit("R", random.nextInt(25) - 2, "r")), false),
                random.nextInt(10) == 0, random.nextInt(10) == 0);
            DecisionStage stage = DecisionStage.values()[random.nextInt(2)];

            DispositionPlan plan = planner.plan(findings, recipients, stage);

            List<String> planned = new ArrayList<>();
            plan.groups().forEach(group -> planned.addAll(group.recipients()));
            assertThat(planned).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(recipients.stream().map(RecipientPolicy::recipient).distinct()
                    .toList());
            assertThat(plan.groups()).extracting(RecipientGroup::treatment).doesNotHaveDuplicates();
            if (!plan.isRejected()) {
                assertThat(plan.groups()).allSatisfy(group ->
                    assertThat(group.treatment().action()).isNotEqualTo(DispositionAction.REJECT));
            }
        }
    }
}
