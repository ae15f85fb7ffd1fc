package org.cleanmail.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PolicyResolverTest {
    private static final String ALICE = "alice@sales.example.com";

    private final EmbeddedPolicyStore store = EmbeddedPolicyStore.inMemory();
    private final PolicyResolver resolver = new PolicyResolver(store);

    /** A value for each field, distinct per scope, so that a test sees which scope won. */
    private static Object valueFor(PolicyField field, int scopeRank) {
        switch (field) {
            case SPAM_THRESHOLD:
                return 1.0 + scopeRank;
            case CERTAIN_SPAM_THRESHOLD:
                return 20.0 + scopeRank;
            case SPAM_ACTION:
            case CERTAIN_SPAM_ACTION:
                return List.of(DispositionAction.DELIVER_TAGGED, DispositionAction.DELIVER_TO_SPAM_FOLDER,
                    DispositionAction.DELETE, DispositionAction.REJECT).get(scopeRank);
            case BANNED_CONTENT_ACTION:
                return List.of(DispositionAction.DELIVER_TAGGED, DispositionAction.DELIVER_TO_SPAM_FOLDER,
                    DispositionAction.DELETE, DispositionAction.QUARANTINE).get(scopeRank);
            case VIRUS_ACTION:
                return List.of(DispositionAction.DELETE, DispositionAction.QUARANTINE,
                    DispositionAction.DELETE, DispositionAction.QUARANTINE).get(scopeRank);
            case SUBJECT_PREFIX:
                return "[S" + scopeRank + "]";
            case QUARANTINE_RETENTION_DAYS:
                return 2 + scopeRank;
            default:
                return scopeRank % 2 == 0;
        }
    }

    private static Policy only(PolicyField field, int scopeRank) {
        return Policy.builder().set(field, valueFor(field, scopeRank)).build();
    }

    @Test
    void withNothingStoredEveryFieldShouldComeFromTheBuiltInDefaults() {
        EffectivePolicy policy = resolver.resolve(ALICE);

        for (PolicyField field : PolicyField.values()) {
            assertThat(policy.value(field)).isEqualTo(Policy.builtInDefaults().get(field).orElseThrow());
            assertThat(policy.source(field)).isEqualTo(PolicySource.builtIn());
        }
    }

    @ParameterizedTest
    @EnumSource(PolicyField.class)
    void eachFieldShouldComeFromTheMostSpecificScopeThatSetsIt(PolicyField field) {
        store.putGroup(PolicyGroup.of("sales", 0, List.of(ALICE)));
        store.put(PolicyScope.global(), only(field, 0));
        assertThat(resolver.resolve(ALICE).value(field)).isEqualTo(valueFor(field, 0));
        assertThat(resolver.resolve(ALICE).source(field)).isEqualTo(PolicySource.of(PolicyScope.global()));

        store.put(PolicyScope.domain("sales.example.com"), only(field, 1));
        assertThat(resolver.resolve(ALICE).value(field)).isEqualTo(valueFor(field, 1));
        assertThat(resolver.resolve(ALICE).source(field)).isEqualTo(PolicySource.of(PolicyScope.domain("sales.example.com")));

        store.put(PolicyScope.group("sales"), only(field, 2));
        assertThat(resolver.resolve(ALICE).value(field)).isEqualTo(valueFor(field, 2));
        assertThat(resolver.resolve(ALICE).source(field)).isEqualTo(PolicySource.of(PolicyScope.group("sales")));

        store.put(PolicyScope.user(ALICE), only(field, 3));
        assertThat(resolver.resolve(ALICE).value(field)).isEqualTo(valueFor(field, 3));
        assertThat(resolver.resolve(ALICE).source(field)).isEqualTo(PolicySource.of(PolicyScope.user(ALICE)));
    }

    @Test
    void effectivePolicyShouldTakeTheUserThresholdOverTheDomainOneAndKeepOtherDomainFields() {
        store.put(PolicyScope.domain("sales.example.com"), Policy.builder()
            .spamThreshold(6.0).spamAction(DispositionAction.DELIVER_TO_SPAM_FOLDER).build());
        store.put(PolicyScope.user(ALICE), Policy.builder().spamThreshold(9.0).build());

        EffectivePolicy policy = resolver.resolve(ALICE);

        assertThat(policy.spamThreshold()).isEqualTo(9.0);
        assertThat(policy.source(PolicyField.SPAM_THRESHOLD)).isEqualTo(PolicySource.of(PolicyScope.user(ALICE)));
        assertThat(policy.spamAction()).isEqualTo(DispositionAction.DELIVER_TO_SPAM_FOLDER);
        assertThat(policy.source(PolicyField.SPAM_ACTION)).isEqualTo(PolicySource.of(PolicyScope.domain("sales.example.com")));
    }

    @Test
    void domainPolicyShouldNotApplyToAnotherDomain() {
        store.put(PolicyScope.domain("sales.example.com"), Policy.builder().spamThreshold(6.0).build());

        assertThat(resolver.resolve("carol@hr.example.com").spamThreshold()).isEqualTo(5.0);
    }

    @Test
    void userInSeveralGroupsShouldGetTheHigherPriorityGroupFirst() {
        store.putGroup(PolicyGroup.of("all-staff", 0, List.of(ALICE)));
        store.putGroup(PolicyGroup.of("executives", 10, List.of(ALICE)));
        store.put(PolicyScope.group("all-staff"), Policy.builder().spamThreshold(4.0).attachReport(true).build());
        store.put(PolicyScope.group("executives"), Policy.builder().spamThreshold(12.0).build());

        EffectivePolicy policy = resolver.resolve(ALICE);

        assertThat(policy.spamThreshold()).isEqualTo(12.0);
        assertThat(policy.source(PolicyField.SPAM_THRESHOLD)).isEqualTo(PolicySource.of(PolicyScope.group("executives")));
        assertThat(policy.tagStyle().attachReport()).isTrue();
        assertThat(policy.source(PolicyField.ATTACH_REPORT)).isEqualTo(PolicySource.of(PolicyScope.group("all-staff")));
    }

    @Test
    void groupsOfEqualPriorityShouldBeOrderedByName() {
        store.putGroup(PolicyGroup.of("zeta", 5, List.of(ALICE)));
        store.putGroup(PolicyGroup.of("alpha", 5, List.of(ALICE)));
        store.put(PolicyScope.group("zeta"), Policy.builder().spamThreshold(7.0).build());
        store.put(PolicyScope.group("alpha"), Policy.builder().spamThreshold(3.0).build());

        assertThat(resolver.resolve(ALICE).source(PolicyField.SPAM_THRESHOLD))
            .isEqualTo(PolicySource.of(PolicyScope.group("alpha")));
    }

    @Test
    void changesShouldApplyToTheNextResolve() {
        assertThat(resolver.resolve(ALICE).quarantineRetention()).isEqualTo(Duration.ofDays(15));

        store.put(PolicyScope.global(), Policy.builder().quarantineRetentionDays(30).build());

        assertThat(resolver.resolve(ALICE).quarantineRetention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void recipientShouldBeMatchedInCanonicalForm() {
        store.put(PolicyScope.user(ALICE), Policy.builder().spamThreshold(9.0).build());

        EffectivePolicy policy = resolver.resolve("<Alice@SALES.example.com>");

        assertThat(policy.recipient()).isEqualTo(ALICE);
        assertThat(policy.spamThreshold()).isEqualTo(9.0);
    }

    @Test
    void aRecipientThatIsNoAddressShouldGetTheGlobalPolicy() {
        store.put(PolicyScope.global(), Policy.builder().spamThreshold(7.0).build());

        for (String bad : new String[] {null, "", "not an address", "@@"}) {
            assertThat(resolver.resolve(bad).spamThreshold()).isEqualTo(7.0);
        }
    }

    @Test
    void tagStyleShouldGatherItsFourFields() {
        store.put(PolicyScope.global(), Policy.builder().subjectPrefix("[JUNK]").addSpamAssassinHeaders(true).build());

        assertThat(resolver.resolve(ALICE).tagStyle()).isEqualTo(new TagStyle("[JUNK]", true, true, false));
        assertThat(Map.of("x", resolver.resolve(ALICE).usersMayRelease())).containsEntry("x", true);
    }
}
