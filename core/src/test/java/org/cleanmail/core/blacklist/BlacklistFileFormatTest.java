package org.cleanmail.core.blacklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlacklistFileFormatTest {
    private static final Instant LOAD_TIME = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant ADDED = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void parseShouldReadEveryAttribute() {
        BlacklistEntry entry = BlacklistFileFormat.parseLine("ip 203.0.113.7 reason=\"dictionary attack\" code=CM-X "
            + "added-by=admin added=2026-01-01T00:00:00Z expires=2026-02-01T00:00:00Z", LOAD_TIME);

        assertThat(entry.kind()).isEqualTo(EntryKind.IP);
        assertThat(entry.value()).isEqualTo("203.0.113.7");
        assertThat(entry.reason()).isEqualTo("dictionary attack");
        assertThat(entry.code()).isEqualTo("CM-X");
        assertThat(entry.addedBy()).isEqualTo("admin");
        assertThat(entry.added()).isEqualTo(ADDED);
        assertThat(entry.expires()).contains(Instant.parse("2026-02-01T00:00:00Z"));
    }

    @Test
    void parseShouldApplyDefaults() {
        BlacklistEntry entry = BlacklistFileFormat.parseLine("domain spam.example subdomains", LOAD_TIME);

        assertThat(entry.subdomains()).isTrue();
        assertThat(entry.code()).isEqualTo("CM-BL-DOMAIN");
        assertThat(entry.addedBy()).isEqualTo("unknown");
        assertThat(entry.added()).isEqualTo(LOAD_TIME);
        assertThat(entry.expires()).isEmpty();
        assertThat(entry.reason()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ip|expected a kind and a value, e.g. ip 203.0.113.7 reason=\"dictionary attack\"",
        "net 192.0.2.0/24|unknown kind 'net'; expected ip, cidr, domain, address or helo",
        "ip 192.0.2.1 color=red|unknown attribute 'color'; expected reason, code, added-by, added, expires",
        "ip 192.0.2.1 added=yesterday|'added' must be an ISO-8601 UTC instant, e.g. added=2026-01-01T00:00:00Z; got 'yesterday'",
        "ip 192.0.2.1 reason=\"open|a quote is not closed, e.g. reason=\"open relay\"",
        "ip 192.0.2.1 subdomains|'subdomains' only applies to domain entries",
        "ip 192.0.2.1 junk|unexpected word 'junk'; attributes read key=value, e.g. reason=\"dictionary attack\"",
        "address nobody|'nobody' is not a valid address, e.g. bad@spam.example"
    })
    void parseShouldReportBadLinesWithTheirNumberAndReason(String badLine, String reason) {
        ParsedList<BlacklistEntry> parsed = BlacklistFileFormat.parse(List.of("# header", "helo friend", badLine,
            "ip 192.0.2.9"), LOAD_TIME);

        assertThat(parsed.entries()).extracting(BlacklistEntry::value).containsExactly("friend", "192.0.2.9");
        assertThat(parsed.problems()).containsExactly(new LineProblem(3, reason));
    }

    @Test
    void writeThenParseShouldGiveEqualEntries() {
        List<BlacklistEntry> entries = List.of(
            BlacklistEntry.builder(EntryKind.IP, "203.0.113.7").added(ADDED).addedBy("admin")
                .reason("said \"hi\"\\ and\nleft").expires(ADDED.plusSeconds(3600)).build(),
            BlacklistEntry.builder(EntryKind.CIDR, "2001:db8::/32").added(ADDED).code("CM-V6").build(),
            BlacklistEntry.builder(EntryKind.DOMAIN, "*.spam.example").added(ADDED).reason("snowshoe").build(),
            BlacklistEntry.builder(EntryKind.ADDRESS, "\"odd\\\"one\"@x.example").added(ADDED).build(),
            BlacklistEntry.builder(EntryKind.HELO, "friend").added(ADDED).addedBy("ops").build());

        List<String> lines = BlacklistFileFormat.write(entries);
        ParsedList<BlacklistEntry> parsed = BlacklistFileFormat.parse(lines, LOAD_TIME);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.entries()).containsExactlyInAnyOrderElementsOf(entries);
    }

    @Test
    void writeShouldSortByKindThenValue() {
        List<String> lines = BlacklistFileFormat.write(List.of(
            BlacklistEntry.builder(EntryKind.HELO, "friend").added(ADDED).build(),
            BlacklistEntry.builder(EntryKind.IP, "192.0.2.2").added(ADDED).build(),
            BlacklistEntry.builder(EntryKind.IP, "192.0.2.1").added(ADDED).build()));

        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("ip 192.0.2.1 ");
        assertThat(lines.get(2)).startsWith("ip 192.0.2.2 ");
        assertThat(lines.get(3)).startsWith("helo friend ");
        assertThat(lines.get(1)).isEqualTo("ip 192.0.2.1 code=CM-BL-IP added-by=unknown added=2026-01-01T00:00:00Z");
    }
}
