package org.cleanmail.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * What every {@link PolicyStore} does. An implementation's test implements this interface;
 * {@link #store()} gives a fresh, empty store.
 */
interface PolicyStoreContract {
    String ALICE = "alice@sales.example.com";
    String BOB = "bob@sales.example.com";
    Policy STRICT = Policy.builder().spamThreshold(3.0).spamAction(DispositionAction.QUARANTINE).build();
    Policy LENIENT = Policy.builder().spamThreshold(9.0).build();

    PolicyStore store();

    @Test
    default void getShouldReturnWhatWasPut() {
        PolicyStore store = store();
        store.put(PolicyScope.global(), STRICT);
        store.put(PolicyScope.domain("sales.example.com"), LENIENT);
        store.put(PolicyScope.user(ALICE), STRICT);

        assertThat(store.get(PolicyScope.global())).contains(STRICT);
        assertThat(store.get(PolicyScope.domain("SALES.example.com."))).contains(LENIENT);
        assertThat(store.get(PolicyScope.user("Alice@Sales.Example.com"))).contains(STRICT);
        assertThat(store.get(PolicyScope.user(BOB))).isEmpty();
    }

    @Test
    default void putShouldReplaceTheWholePolicyOfTheScope() {
        PolicyStore store = store();
        store.put(PolicyScope.user(ALICE), STRICT);
        store.put(PolicyScope.user(ALICE), LENIENT);

        assertThat(store.get(PolicyScope.user(ALICE))).contains(LENIENT);
    }

    @Test
    default void deleteShouldRemoveOnlyThatScope() {
        PolicyStore store = store();
        store.put(PolicyScope.user(ALICE), STRICT);
        store.put(PolicyScope.user(BOB), STRICT);

        assertThat(store.delete(PolicyScope.user(ALICE))).isTrue();
        assertThat(store.delete(PolicyScope.user(ALICE))).isFalse();
        assertThat(store.get(PolicyScope.user(ALICE))).isEmpty();
        assertThat(store.get(PolicyScope.user(BOB))).contains(STRICT);
    }

    @Test
    default void listShouldReturnTheScopesOfOneTypeSortedByName() {
        PolicyStore store = store();
        store.put(PolicyScope.user(BOB), LENIENT);
        store.put(PolicyScope.user(ALICE), STRICT);
        store.put(PolicyScope.domain("sales.example.com"), LENIENT);

        assertThat(store.list(ScopeType.USER).keySet())
            .containsExactly(PolicyScope.user(ALICE), PolicyScope.user(BOB));
        assertThat(store.list(ScopeType.DOMAIN)).containsOnlyKeys(PolicyScope.domain("sales.example.com"));
        assertThat(store.list(ScopeType.GLOBAL)).isEmpty();
    }

    @Test
    default void groupPolicyShouldNeedAnExistingGroup() {
        PolicyStore store = store();

        assertThatThrownBy(() -> store.put(PolicyScope.group("sales"), STRICT))
            .isInstanceOf(NoSuchElementException.class)
            .hasMessage("group 'sales' does not exist; create it first");
    }

    @Test
    default void groupsShouldKeepMembersAndPolicy() {
        PolicyStore store = store();
        store.putGroup(PolicyGroup.of("Sales", 5, List.of(ALICE)));
        store.put(PolicyScope.group("sales"), STRICT);

        assertThat(store.addMember("sales", BOB)).isTrue();
        assertThat(store.addMember("sales", BOB)).isFalse();
        assertThat(store.group("SALES").orElseThrow().members()).containsExactlyInAnyOrder(ALICE, BOB);
        assertThat(store.removeMember("sales", ALICE)).isTrue();
        assertThat(store.group("sales").orElseThrow().members()).containsExactly(BOB);
        assertThat(store.get(PolicyScope.group("sales"))).contains(STRICT);
    }

    @Test
    default void redefiningAGroupShouldKeepItsPolicy() {
        PolicyStore store = store();
        store.putGroup(PolicyGroup.of("sales", 5, List.of(ALICE)));
        store.put(PolicyScope.group("sales"), STRICT);

        store.putGroup(PolicyGroup.of("sales", 7, List.of(BOB)));

        assertThat(store.get(PolicyScope.group("sales"))).contains(STRICT);
        assertThat(store.group("sales").orElseThrow().priority()).isEqualTo(7);
    }

    @Test
    default void deletingAGroupShouldDeleteItsPolicy() {
        PolicyStore store = store();
        store.putGroup(PolicyGroup.of("sales", 5, List.of(ALICE)));
        store.put(PolicyScope.group("sales"), STRICT);

        assertThat(store.deleteGroup("sales")).isTrue();

        assertThat(store.group("sales")).isEmpty();
        assertThat(store.get(PolicyScope.group("sales"))).isEmpty();
        assertThat(store.groupsOf(ALICE)).isEmpty();
        assertThat(store.deleteGroup("sales")).isFalse();
    }

    @Test
    default void membershipChangesOnAMissingGroupShouldSaySo() {
        PolicyStore store = store();

        assertThatThrownBy(() -> store.addMember("ghosts", ALICE))
            .isInstanceOf(NoSuchElementException.class)
            .hasMessage("group 'ghosts' does not exist; create it first");
        assertThatThrownBy(() -> store.removeMember("ghosts", ALICE)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    default void groupsOfShouldFollowPrecedence() {
        PolicyStore store = store();
        store.putGroup(PolicyGroup.of("b-team", 1, List.of(ALICE)));
        store.putGroup(PolicyGroup.of("a-team", 1, List.of(ALICE)));
        store.putGroup(PolicyGroup.of("board", 9, List.of(ALICE)));
        store.putGroup(PolicyGroup.of("others", 50, List.of(BOB)));

        assertThat(store.groupsOf(ALICE)).extracting(PolicyGroup::name).containsExactly("board", "a-team", "b-team");
        assertThat(store.groups()).extracting(PolicyGroup::name).containsExactly("others", "board", "a-team", "b-team");
    }

    @Test
    default void badMemberAddressShouldBeRefusedWithTheSettingNamed() {
        PolicyStore store = store();
        store.putGroup(PolicyGroup.of("sales", 0, List.of()));

        assertThatThrownBy(() -> store.addMember("sales", "not-an-address"))
            .isInstanceOf(InvalidPolicyException.class)
            .hasMessage("'members' must hold mail addresses, e.g. \"members\": [\"alice@sales.example.com\"];"
                + " got 'not-an-address'");
    }

    @Test
    default void concurrentWritesShouldAllBeKept() throws Exception {
        PolicyStore store = store();
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String user = "user" + i + "@example.com";
                futures.add(executor.submit(() -> store.put(PolicyScope.user(user), STRICT)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            executor.shutdownNow();
        }

        assertThat(store.list(ScopeType.USER)).hasSize(40);
    }
}
