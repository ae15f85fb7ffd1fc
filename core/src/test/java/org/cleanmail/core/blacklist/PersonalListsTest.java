package org.cleanmail.core.blacklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalListsTest {
    private static final String ALICE = "alice@mydomain.example";

    private final PersonalLists lists = PersonalLists.inMemory();

    @Test
    void verdictShouldBeNoneForUnlistedSenders() {
        lists.add(ALICE, PersonalListKind.BLACKLIST, "spam.example");

        assertThat(lists.verdict(ALICE, "friend@x.example")).isEqualTo(PersonalVerdict.NONE);
        assertThat(lists.verdict("bob@mydomain.example", "a@spam.example")).isEqualTo(PersonalVerdict.NONE);
    }

    @Test
    void verdictShouldFollowTheRecipientsOwnLists() {
        lists.add(ALICE, PersonalListKind.WHITELIST, "friend@x.example");
        lists.add(ALICE, PersonalListKind.BLACKLIST, "spam.example");

        assertThat(lists.verdict("Alice@MyDomain.example", "FRIEND@x.example")).isEqualTo(PersonalVerdict.WHITELISTED);
        assertThat(lists.verdict(ALICE, "anyone@spam.example")).isEqualTo(PersonalVerdict.BLACKLISTED);
    }

    @Test
    void aDomainShouldCoverItsSubdomains() {
        lists.add(ALICE, PersonalListKind.BLACKLIST, "spam.example");

        assertThat(lists.verdict(ALICE, "a@mx.eu.spam.example")).isEqualTo(PersonalVerdict.BLACKLISTED);
    }

    @Test
    void anAddressEntryShouldBeatADomainEntry() {
        lists.add(ALICE, PersonalListKind.BLACKLIST, "x.example");
        lists.add(ALICE, PersonalListKind.WHITELIST, "friend@x.example");
        lists.add(ALICE, PersonalListKind.WHITELIST, "y.example");
        lists.add(ALICE, PersonalListKind.BLACKLIST, "foe@y.example");

        assertThat(lists.verdict(ALICE, "friend@x.example")).isEqualTo(PersonalVerdict.WHITELISTED);
        assertThat(lists.verdict(ALICE, "other@x.example")).isEqualTo(PersonalVerdict.BLACKLISTED);
        assertThat(lists.verdict(ALICE, "foe@y.example")).isEqualTo(PersonalVerdict.BLACKLISTED);
    }

    @Test
    void aSubdomainEntryShouldBeatItsParentDomain() {
        lists.add(ALICE, PersonalListKind.BLACKLIST, "x.example");
        lists.add(ALICE, PersonalListKind.WHITELIST, "news.x.example");

        assertThat(lists.verdict(ALICE, "a@news.x.example")).isEqualTo(PersonalVerdict.WHITELISTED);
        assertThat(lists.verdict(ALICE, "a@shop.x.example")).isEqualTo(PersonalVerdict.BLACKLISTED);
    }

    @Test
    void theWhitelistShouldWinAtTheSameLevel() {
        lists.add(ALICE, PersonalListKind.BLACKLIST, "friend@x.example");
        lists.add(ALICE, PersonalListKind.WHITELIST, "friend@x.example");

        assertThat(lists.verdict(ALICE, "friend@x.example")).isEqualTo(PersonalVerdict.WHITELISTED);
    }

    @Test
    void verdictShouldBeNoneForTheNullSenderOrGarbage() {
        lists.add(ALICE, PersonalListKind.BLACKLIST, "x.example");

        assertThat(lists.verdict(ALICE, "<>")).isEqualTo(PersonalVerdict.NONE);
        assertThat(lists.verdict(ALICE, null)).isEqualTo(PersonalVerdict.NONE);
        assertThat(lists.verdict("not a recipient", "a@x.example")).isEqualTo(PersonalVerdict.NONE);
    }

    @Test
    void removeShouldTakeTheMentionOffAtOnce() {
        lists.add(ALICE, PersonalListKind.BLACKLIST, "x.example");

        assertThat(lists.remove(ALICE, PersonalListKind.BLACKLIST, "X.example")).isTrue();

        assertThat(lists.verdict(ALICE, "a@x.example")).isEqualTo(PersonalVerdict.NONE);
        assertThat(lists.recipients()).isEmpty();
        assertThat(lists.remove(ALICE, PersonalListKind.BLACKLIST, "x.example")).isFalse();
    }

    @Test
    void listOfShouldShowCanonicalMentions() {
        lists.add(ALICE, PersonalListKind.WHITELIST, "Friend@X.example");
        lists.add(ALICE, PersonalListKind.BLACKLIST, "*.spam.example");

        assertThat(lists.listOf(ALICE).whitelist()).containsExactly("friend@x.example");
        assertThat(lists.listOf(ALICE).blacklist()).containsExactly("spam.example");
        assertThat(lists.recipients()).containsExactly(ALICE);
    }

    @Test
    void addShouldRejectBadInputNamingIt() {
        assertThatThrownBy(() -> lists.add("alice", PersonalListKind.WHITELIST, "x.example"))
            .hasMessage("recipient 'alice' is not a mail address, e.g. alice@mydomain.example");
        assertThatThrownBy(() -> lists.add(ALICE, PersonalListKind.WHITELIST, "x..example"))
            .hasMessage("'x..example' is neither a mail address nor a domain, e.g. friend@x.example or x.example");
    }

    @Nested
    class Persistence {
        @TempDir
        Path folder;

        @Test
        void listsShouldSurviveAReopen() throws IOException {
            PersonalLists stored = PersonalLists.openIn(folder);
            stored.add(ALICE, PersonalListKind.WHITELIST, "friend@x.example");
            stored.add(ALICE, PersonalListKind.BLACKLIST, "spam.example");
            stored.add("bob@mydomain.example", PersonalListKind.BLACKLIST, "foe@y.example");

            PersonalLists reopened = PersonalLists.openIn(folder);

            assertThat(reopened.listOf(ALICE)).isEqualTo(stored.listOf(ALICE));
            assertThat(reopened.verdict("bob@mydomain.example", "foe@y.example")).isEqualTo(PersonalVerdict.BLACKLISTED);
        }

        @Test
        void openShouldLoadGoodLinesAndReportBadOnes() throws IOException {
            Files.writeString(folder.resolve(PersonalLists.FILE_NAME), String.join("\n",
                "# comment",
                "white alice@mydomain.example friend@x.example",
                "grey alice@mydomain.example a@x.example",
                "black alice@mydomain.example"), StandardCharsets.UTF_8);

            PersonalLists opened = PersonalLists.openIn(folder);

            assertThat(opened.verdict(ALICE, "friend@x.example")).isEqualTo(PersonalVerdict.WHITELISTED);
            assertThat(opened.loadProblems()).extracting(LineProblem::lineNumber).containsExactly(3, 4);
        }
    }
}
