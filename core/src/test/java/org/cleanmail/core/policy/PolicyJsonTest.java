package org.cleanmail.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PolicyJsonTest {
    @Test
    void parseShouldReadEveryField() {
        Policy policy = PolicyJson.parse("{\"spamThreshold\": 6, \"certainSpamThreshold\": 12.5,"
            + " \"spamAction\": \"deliver_tagged\", \"certainSpamAction\": \"DELETE\", \"virusAction\": \"DELETE\","
            + " \"bannedContentAction\": \"QUARANTINE\", \"subjectPrefix\": \"***SPAM***\", \"addCleanMailHeaders\": false,"
            + " \"addSpamAssassinHeaders\": true, \"attachReport\": true, \"quarantineRetentionDays\": 30,"
            + " \"usersMayRelease\": false, \"personalListsEnabled\": false}");

        assertThat(policy).isEqualTo(Policy.builder()
            .spamThreshold(6.0).certainSpamThreshold(12.5)
            .spamAction(DispositionAction.DELIVER_TAGGED).certainSpamAction(DispositionAction.DELETE)
            .virusAction(DispositionAction.DELETE).bannedContentAction(DispositionAction.QUARANTINE)
            .subjectPrefix("***SPAM***").addCleanMailHeaders(false).addSpamAssassinHeaders(true).attachReport(true)
            .quarantineRetentionDays(30).usersMayRelease(false).personalListsEnabled(false)
            .build());
    }

    @Test
    void toJsonShouldRoundTrip() {
        Policy policy = Policy.builtInDefaults();

        assertThat(PolicyJson.parse(PolicyJson.toJson(policy))).isEqualTo(policy);
    }

    @Test
    void nullShouldMeanUnset() {
        assertThat(PolicyJson.parse("{\"spamThreshold\": null}").isEmpty()).isTrue();
    }

    @Test
    void unknownFieldShouldBeRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> PolicyJson.parse("{\"spamTreshold\": 5}"))
            .isInstanceOf(InvalidPolicyException.class)
            .hasMessageStartingWith("unknown policy field 'spamTreshold'; known fields: spamThreshold, certainSpamThreshold,");
    }

    @Test
    void textForANumberShouldBeRefused() {
        assertThatThrownBy(() -> PolicyJson.parse("{\"spamThreshold\": \"high\"}"))
            .hasMessage("'spamThreshold' must be a number, e.g. \"spamThreshold\": 5.0; got \"high\"");
    }

    @Test
    void fractionalRetentionShouldBeRefused() {
        assertThatThrownBy(() -> PolicyJson.parse("{\"quarantineRetentionDays\": 1.5}"))
            .hasMessage("'quarantineRetentionDays' must be a whole number, e.g. \"quarantineRetentionDays\": 15; got 1.5");
    }

    @Test
    void booleanShouldBeStrict() {
        assertThatThrownBy(() -> PolicyJson.parse("{\"usersMayRelease\": \"treu\"}"))
            .hasMessage("'usersMayRelease' must be true or false, e.g. \"usersMayRelease\": true; got \"treu\"");
    }

    @Test
    void unknownActionShouldListTheValidOnes() {
        assertThatThrownBy(() -> PolicyJson.parse("{\"spamAction\": \"BURN\"}"))
            .hasMessage("'spamAction' must be one of [DELIVER, DELIVER_TAGGED, DELIVER_TO_SPAM_FOLDER, QUARANTINE, DELETE,"
                + " REJECT], e.g. \"spamAction\": \"QUARANTINE\"; got \"BURN\"");
    }

    @Test
    void nonJsonShouldBeRefusedWithAMessage() {
        assertThatThrownBy(() -> PolicyJson.parse("{spamThreshold"))
            .isInstanceOf(InvalidPolicyException.class)
            .hasMessageStartingWith("a policy must be a JSON object");
    }

    @Test
    void effectivePolicyJsonShouldShowValueAndSource() {
        EmbeddedPolicyStore store = EmbeddedPolicyStore.inMemory();
        store.put(PolicyScope.domain("sales.example.com"), Policy.builder().spamThreshold(8.0).build());
        store.put(PolicyScope.global(), Policy.builder().attachReport(true).build());

        String json = PolicyJson.toNode(new PolicyResolver(store).resolve("bob@sales.example.com")).toString();

        assertThat(json)
            .startsWith("{\"recipient\":\"bob@sales.example.com\",")
            .contains("\"spamThreshold\":{\"value\":8.0,\"source\":\"DOMAIN\",\"sourceName\":\"sales.example.com\"}")
            .contains("\"attachReport\":{\"value\":true,\"source\":\"GLOBAL\"}")
            .contains("\"quarantineRetentionDays\":{\"value\":15,\"source\":\"BUILT_IN\"}");
    }
}
