package org.cleanmail.matchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.mailet.Mail;
import org.apache.mailet.Matcher;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.cleanmail.core.blacklist.BlacklistEntry;
import org.cleanmail.core.blacklist.EntryKind;
import org.cleanmail.core.blacklist.PersonalListKind;
import org.cleanmail.james.sender.SenderProtection;
import org.cleanmail.james.sender.SenderSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SenderListMatchersTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private static final String ALICE = "alice@mydomain.example";
    private static final String BOB = "bob@mydomain.example";

    private SenderProtection protection;

    @BeforeEach
    void setUp() {
        protection = new SenderProtection(SenderSettings.from(Map.of(), Map.of()), Optional.empty(), CLOCK);
    }

    private static <T extends Matcher> T init(T matcher, String name, String condition) throws MessagingException {
        FakeMatcherConfig.Builder config = FakeMatcherConfig.builder().matcherName(name);
        if (condition != null) {
            config.condition(condition);
        }
        matcher.init(config.build());
        return matcher;
    }

    private static Mail mail(String sender, String remoteAddr) throws MessagingException {
        return FakeMail.builder().name("m").sender(MaybeSender.getMailSender(sender)).recipients(ALICE, BOB)
            .remoteAddr(remoteAddr).build();
    }

    @Test
    void personallyWhitelistedShouldMatchOnlyTheRecipientsWhoListedTheSender() throws Exception {
        protection.personalLists().add(ALICE, PersonalListKind.WHITELIST, "x.example");
        SenderIsPersonallyWhitelisted matcher = init(new SenderIsPersonallyWhitelisted(protection),
            "SenderIsPersonallyWhitelisted", null);

        assertThat(matcher.match(mail("friend@news.x.example", "203.0.113.7"))).containsExactly(new MailAddress(ALICE));
        assertThat(matcher.match(mail("other@y.example", "203.0.113.7"))).isEmpty();
    }

    @Test
    void personallyBlacklistedShouldMatchOnlyTheRecipientsWhoBlacklistedTheSender() throws Exception {
        protection.personalLists().add(BOB, PersonalListKind.BLACKLIST, "pest@y.example");
        protection.personalLists().add(ALICE, PersonalListKind.BLACKLIST, "y.example");
        protection.personalLists().add(ALICE, PersonalListKind.WHITELIST, "pest@y.example");
        SenderIsPersonallyBlacklisted matcher = init(new SenderIsPersonallyBlacklisted(protection),
            "SenderIsPersonallyBlacklisted", null);

        assertThat(matcher.match(mail("pest@y.example", "203.0.113.7"))).containsExactly(new MailAddress(BOB));
    }

    @Test
    void personalListsShouldNeverMatchTheNullSender() throws Exception {
        protection.personalLists().add(ALICE, PersonalListKind.BLACKLIST, "y.example");
        SenderIsPersonallyBlacklisted matcher = init(new SenderIsPersonallyBlacklisted(protection),
            "SenderIsPersonallyBlacklisted", null);

        assertThat(matcher.match(FakeMail.builder().name("bounce").sender(MaybeSender.nullSender()).recipients(ALICE)
            .build())).isEmpty();
    }

    @Test
    void remoteAddrIsBlacklistedShouldMatchAllRecipientsOfAListedClient() throws Exception {
        protection.blacklist().add(BlacklistEntry.builder(EntryKind.CIDR, "203.0.113.0/24").added(CLOCK.instant()).build());
        RemoteAddrIsBlacklisted matcher = init(new RemoteAddrIsBlacklisted(protection), "RemoteAddrIsBlacklisted", null);

        assertThat(matcher.match(mail("a@x.example", "203.0.113.7"))).hasSize(2);
        assertThat(matcher.match(mail("a@x.example", "198.51.100.1"))).isEmpty();
    }

    @Test
    void senderIsBlacklistedShouldMatchAListedAddressOrDomain() throws Exception {
        protection.blacklist().add(BlacklistEntry.builder(EntryKind.ADDRESS, "bad@x.example").added(CLOCK.instant()).build());
        SenderIsBlacklisted matcher = init(new SenderIsBlacklisted(protection), "SenderIsBlacklisted", null);

        assertThat(matcher.match(mail("BAD@x.example", "203.0.113.7"))).hasSize(2);
        assertThat(matcher.match(mail("good@x.example", "203.0.113.7"))).isEmpty();
    }

    @Test
    void aConditionShouldFailAtStartUp() {
        assertThatThrownBy(() -> init(new SenderIsBlacklisted(protection), "SenderIsBlacklisted", "yes"))
            .isInstanceOf(MessagingException.class)
            .hasMessage("matcher SenderIsBlacklisted takes no condition, "
                + "e.g. match=\"org.cleanmail.matchers.SenderIsBlacklisted\"; got 'yes'");
    }
}
