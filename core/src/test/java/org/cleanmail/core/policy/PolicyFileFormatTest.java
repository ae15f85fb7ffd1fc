package org.cleanmail.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PolicyFileFormatTest {
    /** The example of the package documentation. */
    static final String EXAMPLE = "{\n"
        + "  \"global\": {\n"
        + "    \"spamThreshold\": 5.0,\n"
        + "    \"certainSpamThreshold\": 15.0,\n"
        + "    \"spamAction\": \"QUARANTINE\",\n"
        + "    \"certainSpamAction\": \"DELETE\",\n"
        + "    \"virusAction\": \"QUARANTINE\",\n"
        + "    \"quarantineRetentionDays\": 15,\n"
        + "    \"usersMayRelease\": true\n"
        + "  },\n"
        + "  \"domains\": {\n"
        + "    \"sales.example.com\": {\n"
        + "      \"spamThreshold\": 6.5,\n"
        + "      \"spamAction\": \"DELIVER_TO_SPAM_FOLDER\",\n"
        + "      \"subjectPrefix\": \"[SPAM]\",\n"
        + "      \"addSpamAssassinHeaders\": true\n"
        + "    }\n"
        + "  },\n"
        + "  \"groups\": {\n"
        + "    \"executives\": {\n"
        + "      \"priority\": 10,\n"
        + "      \"members\": [\"ceo@example.com\", \"cfo@example.com\"],\n"
        + "      \"policy\": { \"spamAction\": \"DELIVER_TAGGED\", \"usersMayRelease\": false, \"quarantineRetentionDays\": 30 }\n"
        + "    }\n"
        + "  },\n"
        + "  \"users\": {\n"
        + "    \"alice@sales.example.com\": { \"spamThreshold\": 8.0, \"spamAction\": \"DELIVER_TAGGED\", \"attachReport\": true }\n"
        + "  }\n"
        + "}\n";

    @Test
    void theDocumentedExampleShouldResolveAsDescribed() {
        EmbeddedPolicyStore store = EmbeddedPolicyStore.inMemory();
        store.replaceAll(PolicyFileFormat.parse(EXAMPLE));
        PolicyResolver resolver = new PolicyResolver(store);

        EffectivePolicy alice = resolver.resolve("alice@sales.example.com");
        assertThat(alice.spamThreshold()).isEqualTo(8.0);
        assertThat(alice.spamAction()).isEqualTo(DispositionAction.DELIVER_TAGGED);
        assertThat(alice.tagStyle()).isEqualTo(new TagStyle("[SPAM]", true, true, true));
        assertThat(alice.certainSpamAction()).isEqualTo(DispositionAction.DELETE);
        assertThat(alice.source(PolicyField.CERTAIN_SPAM_ACTION)).isEqualTo(PolicySource.of(PolicyScope.global()));

        EffectivePolicy bob = resolver.resolve("bob@sales.example.com");
        assertThat(bob.spamThreshold()).isEqualTo(6.5);
        assertThat(bob.spamAction()).isEqualTo(DispositionAction.DELIVER_TO_SPAM_FOLDER);

        EffectivePolicy ceo = resolver.resolve("ceo@example.com");
        assertThat(ceo.spamAction()).isEqualTo(DispositionAction.DELIVER_TAGGED);
        assertThat(ceo.usersMayRelease()).isFalse();
        assertThat(ceo.quarantineRetention().toDays()).isEqualTo(30);
    }

    @Test
    void writtenDocumentShouldReadBackEqual() {
        PolicyDocument document = PolicyFileFormat.parse(EXAMPLE);

        assertThat(PolicyFileFormat.parse(PolicyFileFormat.toJson(document))).isEqualTo(document);
    }

    @Test
    void emptyTextShouldBeAnEmptyDocument() {
        assertThat(PolicyFileFormat.parse("")).isEqualTo(PolicyDocument.empty());
    }

    @Test
    void unknownTopLevelMemberShouldBeNamed() {
        assertThatThrownBy(() -> PolicyFileFormat.parse("{\"domain\": {}}"))
            .isInstanceOf(InvalidPolicyException.class)
            .hasMessage("document: unknown member 'domain'; known members: [domains, global, groups, users]");
    }

    @Test
    void badUserAddressShouldBeNamedWithItsSection() {
        assertThatThrownBy(() -> PolicyFileFormat.parse("{\"users\": {\"alice\": {}}}"))
            .hasMessage("users: 'user' must be a mail address, e.g. alice@sales.example.com; got 'alice'");
    }

    @Test
    void badGroupMemberShouldBeNamedWithItsGroup() {
        assertThatThrownBy(() -> PolicyFileFormat.parse("{\"groups\": {\"sales\": {\"members\": [\"bob\"]}}}"))
            .hasMessage("groups.sales: 'members' must hold mail addresses, e.g. \"members\": [\"alice@sales.example.com\"];"
                + " got 'bob'");
    }
}
