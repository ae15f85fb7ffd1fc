package org.cleanmail.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPolicyStoreTest {
    @Nested
    class InMemory implements PolicyStoreContract {
        @Override
        public PolicyStore store() {
            return EmbeddedPolicyStore.inMemory();
        }
    }

    @Nested
    class InAFolder implements PolicyStoreContract {
        @TempDir
        Path folder;

        @Override
        public PolicyStore store() {
            try {
                return EmbeddedPolicyStore.openIn(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @TempDir
    Path folder;

    @Test
    void everythingShouldSurviveARestart() throws IOException {
        EmbeddedPolicyStore store = EmbeddedPolicyStore.openIn(folder);
        store.put(PolicyScope.global(), Policy.builtInDefaults());
        store.put(PolicyScope.domain("sales.example.com"), Policy.builder().spamThreshold(6.0).build());
        store.putGroup(PolicyGroup.of("executives", 10, List.of("ceo@example.com")));
        store.put(PolicyScope.group("executives"), Policy.builder().spamAction(DispositionAction.DELIVER_TAGGED).build());
        store.put(PolicyScope.user("alice@sales.example.com"), Policy.builder().subjectPrefix("").build());

        EmbeddedPolicyStore reopened = EmbeddedPolicyStore.openIn(folder);

        assertThat(reopened.document()).isEqualTo(store.document());
        assertThat(new PolicyResolver(reopened).resolve("ceo@example.com").spamAction())
            .isEqualTo(DispositionAction.DELIVER_TAGGED);
    }

    @Test
    void aDefaultsFileShouldSeedANewStoreOnly() throws IOException {
        Path defaults = folder.resolve("defaults.json");
        Files.writeString(defaults, PolicyFileFormatTest.EXAMPLE, StandardCharsets.UTF_8);
        Path storeFolder = folder.resolve("store");

        EmbeddedPolicyStore seeded = EmbeddedPolicyStore.openIn(storeFolder, defaults);
        seeded.delete(PolicyScope.user("alice@sales.example.com"));
        EmbeddedPolicyStore reopened = EmbeddedPolicyStore.openIn(storeFolder, defaults);

        assertThat(seeded.get(PolicyScope.domain("sales.example.com")).orElseThrow().spamThreshold()).contains(6.5);
        assertThat(reopened.document()).isEqualTo(seeded.document());
        assertThat(reopened.get(PolicyScope.user("alice@sales.example.com"))).isEmpty();
    }

    @Test
    void aMissingDefaultsFileShouldGiveAnEmptyStore() throws IOException {
        EmbeddedPolicyStore store = EmbeddedPolicyStore.openIn(folder, folder.resolve("absent.json"));

        assertThat(store.document()).isEqualTo(PolicyDocument.empty());
    }

    @Test
    void aFailedSaveShouldLeaveTheStoreUnchanged() throws IOException {
        EmbeddedPolicyStore store = EmbeddedPolicyStore.openIn(folder.resolve("sub"));
        Files.writeString(folder.resolve("sub"), "a file where the folder should be");

        assertThatThrownBy(() -> store.put(PolicyScope.global(), Policy.builtInDefaults()))
            .isInstanceOf(UncheckedIOException.class)
            .hasMessageContaining("the change is not applied");
        assertThat(store.get(PolicyScope.global())).isEmpty();
    }

    @Test
    void aBadFileShouldFailToOpenNamingTheFileAndMember() throws IOException {
        Files.writeString(folder.resolve(EmbeddedPolicyStore.FILE_NAME),
            "{\"domains\": {\"sales.example.com\": {\"spamAction\": \"BURN\"}}}", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EmbeddedPolicyStore.openIn(folder))
            .isInstanceOf(InvalidPolicyException.class)
            .hasMessageContaining(EmbeddedPolicyStore.FILE_NAME + ": domains.sales.example.com: 'spamAction' must be one of")
            .extracting(e -> ((InvalidPolicyException) e).setting())
            .isEqualTo("domains.sales.example.com.spamAction");
    }
}
