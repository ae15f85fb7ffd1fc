package org.cleanmail.core.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.cleanmail.core.blacklist.IpPrefix;
import org.cleanmail.core.blacklist.SettableClock;
import org.cleanmail.core.scan.RuleHit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.google.common.net.InetAddresses;

class SenderBehaviourAnalyzerTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final InetAddress HARVESTER = ip("203.0.113.7");
    private static final InetAddress NEIGHBOUR = ip("203.0.113.8");
    private static final InetAddress NORMAL = ip("198.51.100.20");

    private final SettableClock clock = new SettableClock(NOW);

    private static InetAddress ip(String text) {
        return InetAddresses.forString(text);
    }

    private SenderBehaviourAnalyzer analyzer(SenderBehaviourConfig.Builder config) {
        return new SenderBehaviourAnalyzer(config.build(), new InMemorySenderStateStore(clock), clock);
    }

    private SenderBehaviourAnalyzer analyzer() {
        return analyzer(SenderBehaviourConfig.builder());
    }

    @Nested
    class Harvesting {
        private final SenderBehaviourAnalyzer analyzer = analyzer(SenderBehaviourConfig.builder()
            .maxUnknownRecipients(10).maxUnknownRecipientsPerNetwork(30).blockDuration(Duration.ofHours(1)));

        @Test
        void unknownRecipientsPastTheThresholdShouldBeRefusedWhileANormalClientIsAllowed() {
            int allowed = 0;
            for (int i = 0; i < 50; i++) {
                BehaviourVerdict harvest = analyzer.onRcpt(HARVESTER, false, "user" + i + "@mydomain.example", false);
                BehaviourVerdict normal = analyzer.onRcpt(NORMAL, false, "alice@mydomain.example", true);
                if (!harvest.isRefused()) {
                    allowed++;
                }
                assertThat(normal.isRefused()).isFalse();
                if (i >= 10) {
                    assertThat(harvest.action()).isEqualTo(BehaviourVerdict.Action.PERM_REFUSE);
                    assertThat(harvest.smtpCode()).isEqualTo(550);
                    assertThat(harvest.reasonCode()).isEqualTo(SenderBehaviourAnalyzer.CODE_HARVEST);
                }
            }

            assertThat(allowed).isEqualTo(10);
        }

        @Test
        void aFlaggedClientShouldBeRefusedForKnownRecipientsToo() {
            harvest(HARVESTER, 11);

            assertThat(analyzer.onRcpt(HARVESTER, false, "alice@mydomain.example", true).isRefused()).isTrue();
        }

        @Test
        void aFlaggedClientShouldBeRefusedAtConnect() {
            harvest(HARVESTER, 11);

            BehaviourVerdict verdict = analyzer.onConnect(HARVESTER);

            assertThat(verdict.smtpCode()).isEqualTo(554);
            assertThat(verdict.text()).isEqualTo("5.7.1 Service refused to your address [CM-HARVEST]");
            assertThat(analyzer.onConnect(NEIGHBOUR).isRefused()).isFalse();
        }

        @Test
        void theFlagShouldSayWhyAndUntilWhen() {
            harvest(HARVESTER, 11);

            assertThat(analyzer.flags()).singleElement().satisfies(flag -> {
                assertThat(flag.key()).isEqualTo("203.0.113.7");
                assertThat(flag.scope()).isEqualTo(FlagScope.CLIENT);
                assertThat(flag.reasonCode()).isEqualTo("CM-HARVEST");
                assertThat(flag.reason()).startsWith("11 unknown recipients");
                assertThat(flag.since()).isEqualTo(NOW);
                assertThat(flag.until()).isEqualTo(NOW.plus(Duration.ofHours(1)));
            });
        }

        @Test
        void clientInputShouldBeMadePrintableAndShortInFlags() {
            SenderBehaviourAnalyzer strict = analyzer(SenderBehaviourConfig.builder().maxUnknownRecipients(1));
            strict.onRcpt(HARVESTER, false, "a@mydomain.example", false);

            strict.onRcpt(HARVESTER, false, "evil\r\nline@" + "x".repeat(300), false);

            assertThat(strict.flags()).singleElement().satisfies(flag -> {
                assertThat(flag.reason()).contains("last evil??line@xxx").doesNotContain("\r", "\n");
                assertThat(flag.reason()).hasSizeLessThan(160);
            });
        }

        @Test
        void theBlockShouldEndAfterTheBlockDuration() {
            harvest(HARVESTER, 11);

            clock.advance(Duration.ofHours(1));

            assertThat(analyzer.onConnect(HARVESTER).isRefused()).isFalse();
            assertThat(analyzer.onRcpt(HARVESTER, false, "alice@mydomain.example", true).isRefused()).isFalse();
            assertThat(analyzer.flags()).isEmpty();
        }

        @Test
        void unknownRecipientsSpreadOverMoreThanTheWindowShouldNotFlag() {
            for (int i = 0; i < 30; i++) {
                assertThat(analyzer.onRcpt(HARVESTER, false, "user" + i + "@mydomain.example", false).isRefused())
                    .isFalse();
                clock.advance(Duration.ofMinutes(2));
            }

            assertThat(analyzer.flags()).isEmpty();
        }

        @Test
        void manyClientsOfOneNetworkShouldGetTheNetworkFlagged() {
            for (int host = 1; host <= 4; host++) {
                harvest(ip("192.0.2." + host), 9);
            }

            assertThat(analyzer.flags()).extracting(SenderFlag::key).containsExactly("192.0.2.0/24");
            assertThat(analyzer.onConnect(ip("192.0.2.200")).reasonCode()).isEqualTo("CM-HARVEST-NET");
            assertThat(analyzer.onConnect(ip("192.0.3.1")).isRefused()).isFalse();
        }

        @Test
        void networkFlaggingShouldBeOffWhenItsThresholdIsZero() {
            SenderBehaviourAnalyzer noNetworks = analyzer(SenderBehaviourConfig.builder().maxUnknownRecipients(10)
                .maxUnknownRecipientsPerNetwork(0));
            for (int host = 1; host <= 10; host++) {
                for (int i = 0; i < 9; i++) {
                    noNetworks.onRcpt(ip("192.0.2." + host), false, "user" + i + "@mydomain.example", false);
                }
            }

            assertThat(noNetworks.flags()).isEmpty();
        }

        @Test
        void ipv6ClientsShouldBeGroupedByTheirSlash64() {
            for (int host = 1; host <= 4; host++) {
                harvest(ip("2001:db8:1:2::" + host), 9);
            }

            assertThat(analyzer.flags()).extracting(SenderFlag::key).containsExactly("2001:db8:1:2::/64");
            assertThat(analyzer.onConnect(ip("2001:db8:1:2:ffff::1")).isRefused()).isTrue();
            assertThat(analyzer.onConnect(ip("2001:db8:1:3::1")).isRefused()).isFalse();
        }

        @Test
        void unblockShouldWorkAtOnceAndForgetTheCount() {
            harvest(HARVESTER, 11);

            assertThat(analyzer.unblock("203.0.113.7")).isTrue();

            assertThat(analyzer.onConnect(HARVESTER).isRefused()).isFalse();
            assertThat(analyzer.onRcpt(HARVESTER, false, "nobody@mydomain.example", false).isRefused()).isFalse();
            assertThat(analyzer.flags()).isEmpty();
        }

        @Test
        void unblockOfAnAddressShouldLiftItsNetworksFlagToo() {
            for (int host = 1; host <= 4; host++) {
                harvest(ip("192.0.2." + host), 9);
            }

            analyzer.unblock("192.0.2.200");

            assertThat(analyzer.onConnect(ip("192.0.2.200")).isRefused()).isFalse();
        }

        @Test
        void unblockShouldRejectWhatIsNoAddress() {
            assertThatThrownBy(() -> analyzer.unblock("somewhere")).isInstanceOf(IllegalArgumentException.class);
            assertThat(analyzer.unblock("192.0.2.0/24")).isFalse();
        }

        @Test
        void temporaryBlocksShouldUse4xxCodes() {
            SenderBehaviourAnalyzer gentle = analyzer(SenderBehaviourConfig.builder().maxUnknownRecipients(1)
                .permanentBlock(false));
            gentle.onRcpt(HARVESTER, false, "a@mydomain.example", false);

            BehaviourVerdict rcpt = gentle.onRcpt(HARVESTER, false, "b@mydomain.example", false);
            BehaviourVerdict connect = gentle.onConnect(HARVESTER);

            assertThat(rcpt.action()).isEqualTo(BehaviourVerdict.Action.TEMP_REFUSE);
            assertThat(rcpt.smtpCode()).isEqualTo(450);
            assertThat(connect.smtpCode()).isEqualTo(421);
        }

        private void harvest(InetAddress client, int unknownRecipients) {
            for (int i = 0; i < unknownRecipients; i++) {
                analyzer.onRcpt(client, false, "user" + i + "@mydomain.example", false);
            }
        }
    }

    @Nested
    class Connections {
        @Test
        void connectionsPastTheRateShouldBeRefusedUntilTheWindowMovesOn() {
            SenderBehaviourAnalyzer analyzer = analyzer(SenderBehaviourConfig.builder().maxConnectionsPerWindow(5)
                .connectionWindow(Duration.ofMinutes(1)));
            for (int i = 0; i < 5; i++) {
                assertThat(analyzer.onConnect(HARVESTER).isRefused()).isFalse();
                analyzer.onDisconnect(HARVESTER);
            }

            BehaviourVerdict flood = analyzer.onConnect(HARVESTER);
            analyzer.onDisconnect(HARVESTER);

            assertThat(flood.smtpCode()).isEqualTo(421);
            assertThat(flood.reasonCode()).isEqualTo(SenderBehaviourAnalyzer.CODE_CONNECTION_RATE);
            assertThat(analyzer.onConnect(NORMAL).isRefused()).isFalse();
            clock.advance(Duration.ofMinutes(1));
            assertThat(analyzer.onConnect(HARVESTER).isRefused()).isFalse();
        }

        @Test
        void concurrentConnectionsPastTheLimitShouldBeRefusedAndFreedOnDisconnect() {
            SenderBehaviourAnalyzer analyzer = analyzer(SenderBehaviourConfig.builder().maxConcurrentConnections(3));
            for (int i = 0; i < 3; i++) {
                assertThat(analyzer.onConnect(HARVESTER).isRefused()).isFalse();
            }

            BehaviourVerdict fourth = analyzer.onConnect(HARVESTER);
            analyzer.onDisconnect(HARVESTER);

            assertThat(fourth.reasonCode()).isEqualTo(SenderBehaviourAnalyzer.CODE_CONCURRENCY);
            assertThat(analyzer.openConnections(HARVESTER)).isEqualTo(3);
            analyzer.onDisconnect(HARVESTER);
            assertThat(analyzer.openConnections(HARVESTER)).isEqualTo(2);
            assertThat(analyzer.onConnect(HARVESTER).isRefused()).isFalse();
        }

        @Test
        void moreDisconnectsThanConnectsShouldNotMakeTheCountNegative() {
            SenderBehaviourAnalyzer analyzer = analyzer(SenderBehaviourConfig.builder().maxConcurrentConnections(1));

            analyzer.onDisconnect(HARVESTER);
            analyzer.onDisconnect(HARVESTER);

            assertThat(analyzer.onConnect(HARVESTER).isRefused()).isFalse();
            assertThat(analyzer.onConnect(HARVESTER).isRefused()).isTrue();
        }

        @Test
        void aBlockedClientShouldBeRefusedUntilUnblocked() {
            SenderBehaviourAnalyzer analyzer = analyzer();

            SenderFlag flag = analyzer.block(NORMAL, Duration.ofMinutes(30), "complaint");

            assertThat(flag.reasonCode()).isEqualTo(SenderBehaviourAnalyzer.CODE_BLOCKED);
            assertThat(analyzer.onConnect(NORMAL).text()).isEqualTo("5.7.1 Service refused to your address [CM-BLOCKED]");
            assertThat(analyzer.activeFlag(NORMAL)).contains(flag);
            analyzer.unblock("198.51.100.20");
            assertThat(analyzer.onConnect(NORMAL).isRefused()).isFalse();
        }

        @Test
        void blockShouldRejectANonPositiveDuration() {
            assertThatThrownBy(() -> analyzer().block(NORMAL, Duration.ZERO, "x"))
                .hasMessage("block duration must be positive, e.g. PT1H; got PT0S");
        }

        @Test
        void nullClientsShouldBeAllowedRatherThanCrash() {
            SenderBehaviourAnalyzer analyzer = analyzer();

            assertThat(analyzer.onConnect(null).isRefused()).isFalse();
            assertThat(analyzer.onRcpt(null, false, "a@b.example", false).isRefused()).isFalse();
            analyzer.onDisconnect(null);
            assertThat(analyzer.reputationHits(null)).isEmpty();
        }
    }

    @Nested
    class Exemptions {
        private final SenderBehaviourAnalyzer analyzer = analyzer(SenderBehaviourConfig.builder()
            .maxUnknownRecipients(1).maxConnectionsPerWindow(1).maxConcurrentConnections(1).maxMessagesPerWindow(1)
            .trustedNetworks(List.of(IpPrefix.parse("10.0.0.0/8"), IpPrefix.parse("2001:db8:ffff::/48"))));

        @Test
        void trustedNetworksShouldBeExemptFromEveryLimit() {
            for (InetAddress trusted : List.of(ip("10.1.2.3"), ip("2001:db8:ffff::25"))) {
                for (int i = 0; i < 20; i++) {
                    assertThat(analyzer.onConnect(trusted).isRefused()).isFalse();
                    assertThat(analyzer.onRcpt(trusted, false, "u" + i + "@mydomain.example", false).isRefused()).isFalse();
                    assertThat(analyzer.onMessage(trusted, false, 1).isRefused()).isFalse();
                }
            }

            assertThat(analyzer.flags()).isEmpty();
            assertThat(analyzer.onConnect(NORMAL).isRefused()).isFalse();
            assertThat(analyzer.onConnect(NORMAL).isRefused()).isTrue();
        }

        @Test
        void authenticatedSessionsShouldBeExemptAtRcptAndMessage() {
            for (int i = 0; i < 20; i++) {
                assertThat(analyzer.onRcpt(NORMAL, true, "u" + i + "@mydomain.example", false).isRefused()).isFalse();
                assertThat(analyzer.onMessage(NORMAL, true, 5).isRefused()).isFalse();
            }

            assertThat(analyzer.flags()).isEmpty();
        }
    }

    @Nested
    class Messages {
        @Test
        void messagesPastTheRateShouldBeRefusedTemporarily() {
            SenderBehaviourAnalyzer analyzer = analyzer(SenderBehaviourConfig.builder().maxMessagesPerWindow(3));
            for (int i = 0; i < 3; i++) {
                assertThat(analyzer.onMessage(NORMAL, false, 1).isRefused()).isFalse();
            }

            BehaviourVerdict fourth = analyzer.onMessage(NORMAL, false, 1);

            assertThat(fourth.smtpCode()).isEqualTo(451);
            assertThat(fourth.reasonCode()).isEqualTo(SenderBehaviourAnalyzer.CODE_MESSAGE_RATE);
        }

        @Test
        void recipientsPastTheRateShouldBeRefusedTemporarily() {
            SenderBehaviourAnalyzer analyzer = analyzer(SenderBehaviourConfig.builder().maxRecipientsPerWindow(100));

            assertThat(analyzer.onMessage(NORMAL, false, 60).isRefused()).isFalse();
            assertThat(analyzer.onMessage(NORMAL, false, 60).reasonCode())
                .isEqualTo(SenderBehaviourAnalyzer.CODE_RECIPIENT_RATE);
        }

        @Test
        void acceptedMessagesShouldCountForReputation() {
            SenderBehaviourAnalyzer analyzer = analyzer();

            analyzer.onMessage(NORMAL, false, 1);
            analyzer.onMessage(NORMAL, false, 1);

            assertThat(analyzer.reputation(NORMAL).accepted()).isEqualTo(2.0);
        }
    }

    @Nested
    class Reputation {
        private final SenderBehaviourAnalyzer analyzer = analyzer(SenderBehaviourConfig.builder()
            .reputationHalfLife(Duration.ofDays(1)).reputationMinimumEvidence(5).badReputationPoints(3.0)
            .goodReputationPoints(1.0));

        @Test
        void aSingleSpamShouldNotSwingTheScore() {
            analyzer.recordScan(NORMAL, true);

            assertThat(analyzer.reputationHits(NORMAL)).isEmpty();
        }

        @Test
        void aSpammerShouldGetBadReputationPoints() {
            scans(NORMAL, 10, true);

            assertThat(analyzer.reputationHits(NORMAL)).extracting(RuleHit::name, RuleHit::score)
                .containsExactly(tuple(ReputationScorer.BAD_REPUTATION, 2.5));
        }

        @Test
        void aGoodSenderShouldGetPointsTakenOff() {
            scans(NORMAL, 10, false);

            assertThat(analyzer.reputationHits(NORMAL)).extracting(RuleHit::name, RuleHit::score)
                .containsExactly(tuple(ReputationScorer.GOOD_REPUTATION, -0.83));
        }

        @Test
        void reputationShouldHalveEveryHalfLife() {
            scans(NORMAL, 8, true);

            clock.advance(Duration.ofDays(1));
            assertThat(analyzer.reputation(NORMAL).spam()).isCloseTo(4.0, offset(1e-9));
            clock.advance(Duration.ofDays(1));
            assertThat(analyzer.reputation(NORMAL).spam()).isCloseTo(2.0, offset(1e-9));
            assertThat(analyzer.reputationHits(NORMAL)).isEmpty();
        }

        @Test
        void harvestingShouldHurtReputation() {
            SenderBehaviourAnalyzer strict = analyzer(SenderBehaviourConfig.builder().maxUnknownRecipients(10));
            for (int i = 0; i < 11; i++) {
                strict.onRcpt(HARVESTER, false, "user" + i + "@mydomain.example", false);
            }

            assertThat(strict.reputation(HARVESTER).flags()).isEqualTo(1.0);
            assertThat(strict.reputation(HARVESTER).refusedRecipients()).isEqualTo(11.0);
            assertThat(strict.reputationHits(HARVESTER)).extracting(RuleHit::name)
                .containsExactly(ReputationScorer.BAD_REPUTATION);
        }

        private void scans(InetAddress client, int count, boolean spam) {
            for (int i = 0; i < count; i++) {
                analyzer.recordScan(client, spam);
            }
        }
    }
}
