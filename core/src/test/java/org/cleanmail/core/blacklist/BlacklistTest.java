package org.cleanmail.core.blacklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.common.net.InetAddresses;

class BlacklistTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final SettableClock clock = new SettableClock(NOW);
    private final Blacklist blacklist = Blacklist.inMemory(clock);

    private static BlacklistEntry entry(EntryKind kind, String value) {
        return BlacklistEntry.builder(kind, value).added(NOW).addedBy("admin").reason("test").build();
    }

    @Nested
    class Ips {
        @Test
        void matchIpShouldFindAnAddressEntry() {
            blacklist.add(entry(EntryKind.IP, "203.0.113.7"));

            assertThat(blacklist.matchIp("203.0.113.7")).map(BlacklistEntry::code).contains("CM-BL-IP");
            assertThat(blacklist.matchIp("203.0.113.8")).isEmpty();
        }

        @Test
        void matchIpShouldFindTheMostSpecificNetwork() {
            blacklist.addAll(List.of(entry(EntryKind.CIDR, "198.51.0.0/16"), entry(EntryKind.CIDR, "198.51.100.0/24")));

            assertThat(blacklist.matchIp("198.51.100.1")).map(BlacklistEntry::value).contains("198.51.100.0/24");
            assertThat(blacklist.matchIp("198.51.7.1")).map(BlacklistEntry::value).contains("198.51.0.0/16");
        }

        @Test
        void matchIpShouldFindIpv6Networks() {
            blacklist.add(entry(EntryKind.CIDR, "2001:db8::/32"));

            assertThat(blacklist.matchIp(InetAddresses.forString("2001:db8:1:2::3"))).isPresent();
            assertThat(blacklist.matchIp("2001:db9::1")).isEmpty();
        }

        @Test
        void matchIpShouldIgnoreBadInput() {
            blacklist.add(entry(EntryKind.CIDR, "0.0.0.0/0"));

            assertThat(blacklist.matchIp("not an ip")).isEmpty();
            assertThat(blacklist.matchIp((String) null)).isEmpty();
            assertThat(blacklist.matchIp("host.example")).isEmpty();
        }

        @Test
        void aFullLengthCidrShouldBeTheSameEntryAsTheIp() {
            blacklist.add(entry(EntryKind.CIDR, "203.0.113.7/32"));
            blacklist.add(entry(EntryKind.IP, "203.0.113.7"));

            assertThat(blacklist.entries()).hasSize(1);
            assertThat(blacklist.entries().get(0).kind()).isEqualTo(EntryKind.IP);
        }

        @Test
        void removeShouldTakeTheEntryOutAtOnce() {
            blacklist.add(entry(EntryKind.CIDR, "198.51.100.0/24"));

            assertThat(blacklist.remove(EntryKind.CIDR, "198.51.100.0/24")).isTrue();

            assertThat(blacklist.matchIp("198.51.100.1")).isEmpty();
            assertThat(blacklist.remove(EntryKind.CIDR, "198.51.100.0/24")).isFalse();
        }
    }

    @Nested
    class Senders {
        @Test
        void matchDomainShouldFindOnlyTheExactDomainWithoutSubdomains() {
            blacklist.add(entry(EntryKind.DOMAIN, "spam.example"));

            assertThat(blacklist.matchDomain("SPAM.example.")).isPresent();
            assertThat(blacklist.matchDomain("mx.spam.example")).isEmpty();
            assertThat(blacklist.matchDomain("notspam.example")).isEmpty();
        }

        @Test
        void matchDomainShouldFindSubdomainsOfAWildcardDomain() {
            blacklist.add(entry(EntryKind.DOMAIN, "*.spam.example"));

            assertThat(blacklist.matchDomain("a.b.spam.example")).map(BlacklistEntry::value).contains("spam.example");
            assertThat(blacklist.matchDomain("spam.example")).isPresent();
            assertThat(blacklist.matchDomain("spam.example.org")).isEmpty();
        }

        @Test
        void matchDomainShouldPreferTheExactEntryOverAParentOne() {
            blacklist.add(BlacklistEntry.builder(EntryKind.DOMAIN, "spam.example").subdomains(true).code("PARENT")
                .added(NOW).build());
            blacklist.add(BlacklistEntry.builder(EntryKind.DOMAIN, "mx.spam.example").code("CHILD").added(NOW).build());

            assertThat(blacklist.matchDomain("mx.spam.example")).map(BlacklistEntry::code).contains("CHILD");
            assertThat(blacklist.matchDomain("a.mx.spam.example")).map(BlacklistEntry::code).contains("PARENT");
        }

        @Test
        void matchSenderShouldCompareAddressesLowerCased() {
            blacklist.add(entry(EntryKind.ADDRESS, "Bad@X.Example"));

            assertThat(blacklist.matchSender("<BAD@x.example>")).map(BlacklistEntry::code).contains("CM-BL-ADDRESS");
            assertThat(blacklist.matchSender("good@x.example")).isEmpty();
        }

        @Test
        void matchSenderShouldFallBackOnTheSenderDomain() {
            blacklist.add(entry(EntryKind.DOMAIN, "spam.example"));

            assertThat(blacklist.matchSender("anyone@spam.example")).map(BlacklistEntry::code).contains("CM-BL-DOMAIN");
        }

        @Test
        void matchSenderShouldIgnoreTheNullSender() {
            blacklist.add(entry(EntryKind.DOMAIN, "spam.example"));

            assertThat(blacklist.matchSender("<>")).isEmpty();
            assertThat(blacklist.matchSender(null)).isEmpty();
        }

        @Test
        void matchHeloShouldCompareLowerCased() {
            blacklist.add(entry(EntryKind.HELO, "friend"));

            assertThat(blacklist.matchHelo("FRIEND")).isPresent();
            assertThat(blacklist.matchHelo("mail.example")).isEmpty();
            assertThat(blacklist.matchHelo("")).isEmpty();
        }
    }

    @Nested
    class Expiry {
        @Test
        void anExpiredEntryShouldNotMatch() {
            blacklist.add(BlacklistEntry.builder(EntryKind.IP, "203.0.113.7").added(NOW)
                .expires(NOW.plus(Duration.ofHours(1))).build());

            assertThat(blacklist.matchIp("203.0.113.7")).isPresent();
            clock.advance(Duration.ofHours(1));
            assertThat(blacklist.matchIp("203.0.113.7")).isEmpty();
        }

        @Test
        void anExpiredNetworkShouldLetAnActiveWiderOneMatch() {
            blacklist.addAll(List.of(entry(EntryKind.CIDR, "198.51.0.0/16"),
                BlacklistEntry.builder(EntryKind.CIDR, "198.51.100.0/24").added(NOW)
                    .expires(NOW.plusSeconds(60)).build()));
            clock.advance(Duration.ofMinutes(2));

            assertThat(blacklist.matchIp("198.51.100.1")).map(BlacklistEntry::value).contains("198.51.0.0/16");
        }

        @Test
        void expiredEntriesShouldNotMatchForAnyKind() {
            Instant expiry = NOW.plusSeconds(1);
            blacklist.addAll(List.of(
                BlacklistEntry.builder(EntryKind.DOMAIN, "spam.example").subdomains(true).added(NOW).expires(expiry).build(),
                BlacklistEntry.builder(EntryKind.ADDRESS, "bad@x.example").added(NOW).expires(expiry).build(),
                BlacklistEntry.builder(EntryKind.HELO, "friend").added(NOW).expires(expiry).build()));
            clock.advance(Duration.ofSeconds(1));

            assertThat(blacklist.matchSender("a@mx.spam.example")).isEmpty();
            assertThat(blacklist.matchSender("bad@x.example")).isEmpty();
            assertThat(blacklist.matchHelo("friend")).isEmpty();
        }

        @Test
        void removeExpiredShouldDropOnlyExpiredEntries() {
            blacklist.addAll(List.of(entry(EntryKind.IP, "192.0.2.1"),
                BlacklistEntry.builder(EntryKind.IP, "192.0.2.2").added(NOW).expires(NOW.plusSeconds(1)).build(),
                BlacklistEntry.builder(EntryKind.HELO, "friend").added(NOW).expires(NOW.plusSeconds(1)).build()));
            clock.advance(Duration.ofSeconds(5));

            assertThat(blacklist.removeExpired()).isEqualTo(2);
            assertThat(blacklist.entries()).extracting(BlacklistEntry::value).containsExactly("192.0.2.1");
        }
    }

    @Nested
    class Entries {
        @Test
        void builderShouldRejectAnIpEntryThatIsANetwork() {
            assertThatThrownBy(() -> entry(EntryKind.IP, "198.51.100.0/24"))
                .hasMessage("an ip entry is one address, e.g. 203.0.113.7; use cidr for '198.51.100.0/24'");
        }

        @Test
        void builderShouldRejectACodeUnfitForSmtpReplies() {
            assertThatThrownBy(() -> BlacklistEntry.builder(EntryKind.IP, "192.0.2.1").code("two words").added(NOW).build())
                .hasMessageContaining("'code' must be letters, digits");
        }

        @Test
        void builderShouldRejectAnExpiryBeforeTheAddition() {
            assertThatThrownBy(() -> BlacklistEntry.builder(EntryKind.IP, "192.0.2.1").added(NOW).expires(NOW).build())
                .hasMessageContaining("'expires' must be after 'added'");
        }

        @Test
        void builderShouldRejectABadDomain() {
            assertThatThrownBy(() -> entry(EntryKind.DOMAIN, "spam..example"))
                .hasMessage("'spam..example' is not a valid domain, e.g. spam.example");
        }

        @Test
        void getShouldFindAnEntryByKindAndValueEvenExpired() {
            blacklist.addAll(List.of(entry(EntryKind.CIDR, "198.51.100.0/24"), entry(EntryKind.IP, "192.0.2.1"),
                BlacklistEntry.builder(EntryKind.DOMAIN, "spam.example").added(NOW).expires(NOW.plusSeconds(1)).build()));
            clock.advance(Duration.ofMinutes(1));

            assertThat(blacklist.get(EntryKind.CIDR, "198.51.100.7/24")).map(BlacklistEntry::value)
                .contains("198.51.100.0/24");
            assertThat(blacklist.get(EntryKind.CIDR, "192.0.2.1/32")).map(BlacklistEntry::kind).contains(EntryKind.IP);
            assertThat(blacklist.get(EntryKind.DOMAIN, "*.SPAM.example")).isPresent();
            assertThat(blacklist.get(EntryKind.CIDR, "198.51.0.0/16")).isEmpty();
            assertThat(blacklist.get(EntryKind.HELO, "friend")).isEmpty();
        }

        @Test
        void entriesShouldListEveryKind() {
            blacklist.addAll(List.of(entry(EntryKind.IP, "192.0.2.1"), entry(EntryKind.DOMAIN, "spam.example"),
                entry(EntryKind.ADDRESS, "bad@x.example"), entry(EntryKind.HELO, "friend")));

            assertThat(blacklist.size()).isEqualTo(4);
            assertThat(blacklist.entries()).extracting(BlacklistEntry::key)
                .containsExactlyInAnyOrder("ip 192.0.2.1", "domain spam.example", "address bad@x.example", "helo friend");
        }
    }

    @Nested
    class Concurrency {
        @Test
        void readersShouldAlwaysSeeStableEntriesWhileWritersChangeOthers() throws Exception {
            blacklist.addAll(List.of(entry(EntryKind.CIDR, "198.51.100.0/24"), entry(EntryKind.IP, "203.0.113.7"),
                entry(EntryKind.DOMAIN, "spam.example")));
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                Future<?> writer = threads.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        String ip = "10.0." + (i / 250) + "." + (i % 250);
                        blacklist.add(entry(EntryKind.IP, ip));
                        blacklist.add(entry(EntryKind.CIDR, "10.1." + (i % 250) + ".0/24"));
                        blacklist.remove(EntryKind.IP, ip);
                    }
                });
                List<Future<Integer>> readers = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    readers.add(threads.submit(() -> {
                        int misses = 0;
                        while (!writer.isDone()) {
                            if (blacklist.matchIp("198.51.100.9").isEmpty() || blacklist.matchIp("203.0.113.7").isEmpty()
                                || blacklist.matchDomain("spam.example").isEmpty()) {
                                misses++;
                            }
                        }
                        return misses;
                    }));
                }
                writer.get();
                for (Future<Integer> reader : readers) {
                    assertThat(reader.get()).isZero();
                }
            } finally {
                threads.shutdown();
            }
            assertThat(blacklist.size()).isEqualTo(3 + 250);
        }
    }

    @Nested
    class Persistence {
        @TempDir
        Path folder;

        @Test
        void changesShouldSurviveAReopen() throws IOException {
            Blacklist stored = Blacklist.openIn(folder, clock);
            stored.addAll(List.of(entry(EntryKind.IP, "192.0.2.1"), entry(EntryKind.DOMAIN, "spam.example")));
            stored.add(entry(EntryKind.HELO, "friend"));
            stored.remove(EntryKind.IP, "192.0.2.1");

            Blacklist reopened = Blacklist.openIn(folder, clock);

            assertThat(reopened.entries()).containsExactlyInAnyOrderElementsOf(stored.entries());
            assertThat(reopened.matchHelo("friend")).isPresent();
            assertThat(reopened.matchIp("192.0.2.1")).isEmpty();
        }

        @Test
        void exportThenImportShouldRoundTrip() {
            blacklist.addAll(List.of(entry(EntryKind.IP, "192.0.2.1"), entry(EntryKind.CIDR, "2001:db8::/32"),
                entry(EntryKind.DOMAIN, "*.spam.example"), entry(EntryKind.ADDRESS, "bad@x.example"),
                BlacklistEntry.builder(EntryKind.HELO, "friend").added(NOW).expires(NOW.plusSeconds(60))
                    .reason("a \"quoted\" reason").build()));
            Blacklist copy = Blacklist.inMemory(clock);

            ParsedList<BlacklistEntry> imported = copy.importLines(blacklist.export());

            assertThat(imported.problems()).isEmpty();
            assertThat(copy.entries()).containsExactlyInAnyOrderElementsOf(blacklist.entries());
        }

        @Test
        void importShouldAddGoodLinesAndReportBadOnes() {
            ParsedList<BlacklistEntry> imported = blacklist.importLines(List.of("ip 192.0.2.1", "ip nowhere",
                "helo friend"));

            assertThat(imported.problems()).extracting(LineProblem::lineNumber).containsExactly(2);
            assertThat(blacklist.matchIp("192.0.2.1")).map(BlacklistEntry::added).contains(NOW);
            assertThat(blacklist.matchHelo("friend")).isPresent();
        }

        @Test
        void saveShouldLeaveNoTemporaryFileBehind() throws IOException {
            Blacklist.openIn(folder, clock).add(entry(EntryKind.IP, "192.0.2.1"));

            try (var files = Files.list(folder)) {
                assertThat(files).extracting(path -> path.getFileName().toString()).containsExactly(Blacklist.FILE_NAME);
            }
        }

        @Test
        void openShouldLoadGoodLinesAndReportBadOnes() throws IOException {
            Files.writeString(folder.resolve(Blacklist.FILE_NAME), String.join("\n",
                "# comment",
                "ip 192.0.2.1",
                "ip 999.0.2.1",
                "",
                "domain spam.example subdomains"), StandardCharsets.UTF_8);

            Blacklist opened = Blacklist.openIn(folder, clock);

            assertThat(opened.size()).isEqualTo(2);
            assertThat(opened.loadProblems()).extracting(LineProblem::lineNumber).containsExactly(3);
        }

        @Test
        void openShouldStartEmptyWithoutAFile() throws IOException {
            assertThat(Blacklist.openIn(folder.resolve("new"), clock).size()).isZero();
        }
    }
}
