package org.cleanmail.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.mailet.base.test.FakeMail;
import org.cleanmail.core.blacklist.BlacklistEntry;
import org.cleanmail.core.blacklist.EntryKind;
import org.cleanmail.james.sender.RefusalCounter;
import org.cleanmail.james.sender.SenderProtection;
import org.cleanmail.james.sender.SenderSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures what CleanMail's SMTP hooks add to one SMTP transaction (connect, HELO, MAIL,
 * two RCPT of which one unknown, end of DATA, disconnect) against a blacklist of 1,000,000
 * entries, 10,000 distinct clients, one thread. Off by default; run with
 * {@code mvn -B -q -pl smtp -am test -Dtest=SmtpHooksBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcleanmail.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "cleanmail.benchmark", matches = "true")
class SmtpHooksBenchmarkTest {
    private static final Logger LOGGER = Logger.getLogger(SmtpHooksBenchmarkTest.class.getName());
    private static final int BLACKLIST_SIZE = 1_000_000;
    private static final int CLIENTS = 10_000;
    private static final int TRANSACTIONS = 200_000;

    @Test
    void perTransactionOverhead() throws Exception {
        SenderProtection protection = new SenderProtection(SenderSettings.from(Map.of(
            "max-connections-per-window", String.valueOf(Integer.MAX_VALUE),
            "max-unknown-recipients", String.valueOf(Integer.MAX_VALUE),
            "max-unknown-recipients-per-network", "0",
            "max-messages-per-window", String.valueOf(Integer.MAX_VALUE),
            "max-recipients-per-window", String.valueOf(Integer.MAX_VALUE)), Map.of()),
            Optional.empty(), Clock.systemUTC());
        List<BlacklistEntry> entries = new ArrayList<>(BLACKLIST_SIZE);
        Instant now = Instant.now();
        for (int i = 0; i < BLACKLIST_SIZE / 2; i++) {
            entries.add(BlacklistEntry.builder(EntryKind.IP, "10." + (i >> 16 & 0xFF) + "." + (i >> 8 & 0xFF) + "."
                + (i & 0xFF)).added(now).build());
            entries.add(BlacklistEntry.builder(EntryKind.DOMAIN, "spam" + i + ".example").added(now).build());
        }
        protection.blacklist().addAll(entries);
        SmtpRefusals refusals = new SmtpRefusals(new RefusalCounter(new RecordingMetricFactory()));
        SenderConnectionHandler connection = new SenderConnectionHandler(protection, refusals);
        BlacklistedHeloHook helo = new BlacklistedHeloHook(protection, refusals);
        BlacklistedSenderHook mail = new BlacklistedSenderHook(protection, refusals);
        HarvestGuardHook rcpt = new HarvestGuardHook(protection, refusals,
            recipient -> !recipient.getLocalPart().equals("alice"));
        MessageRateHook message = new MessageRateHook(protection, refusals);
        SMTPSession[] sessions = new SMTPSession[CLIENTS];
        for (int i = 0; i < CLIENTS; i++) {
            sessions[i] = FakeSessions.from("192.0." + (i >> 8 & 0xFF) + "." + (i & 0xFF));
        }
        MaybeSender sender = MaybeSender.getMailSender("newsletter@shop.example");
        MailAddress known = new MailAddress("alice@mydomain.example");
        MailAddress unknown = new MailAddress("nobody@mydomain.example");
        FakeMail fakeMail = FakeMail.builder().name("m").recipient(known).build();

        double nanos = 0;
        int refused = 0;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < TRANSACTIONS; i++) {
                SMTPSession session = sessions[i % CLIENTS];
                refused += connection.onConnect(session).getLines().size();
                refused += helo.doHelo(session, "mx.shop.example") == HookResult.DECLINED ? 0 : 1;
                refused += mail.doMail(session, sender) == HookResult.DECLINED ? 0 : 1;
                refused += rcpt.doRcpt(session, sender, known) == HookResult.DECLINED ? 0 : 1;
                refused += rcpt.doRcpt(session, sender, unknown) == HookResult.DECLINED ? 0 : 1;
                refused += message.onMessage(session, fakeMail) == HookResult.DECLINED ? 0 : 1;
                connection.onDisconnect(session);
            }
            nanos = (System.nanoTime() - start) / (double) TRANSACTIONS;
        }

        LOGGER.info(String.format("SMTP hooks, blacklist of %,d entries, %,d clients, one thread: %.0f ns (%.1f us) "
            + "per transaction (connect, HELO, MAIL, 2 RCPT, DATA, disconnect)", protection.blacklist().size(), CLIENTS,
            nanos, nanos / 1000));
        assertThat(refused).isZero();
    }
}
