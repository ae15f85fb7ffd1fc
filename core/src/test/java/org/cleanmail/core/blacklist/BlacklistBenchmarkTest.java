package org.cleanmail.core.blacklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.google.common.net.InetAddresses;

/**
 * Loads 1,000,000 IP and network entries and measures lookups per second and heap.
 * Off by default; run with
 * {@code mvn -B -q -pl core test -Dtest=BlacklistBenchmarkTest -Dcleanmail.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "cleanmail.benchmark", matches = "true")
class BlacklistBenchmarkTest {
    private static final Logger LOGGER = Logger.getLogger(BlacklistBenchmarkTest.class.getName());
    private static final int ENTRIES = 1_000_000;
    private static final int QUERIES = 1 << 20;
    private static final int SMALL = 1_000;
    private static final Instant ADDED = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void lookupsAgainstAMillionEntries() {
        long heapBefore = usedHeap();
        Random random = new Random(7);
        List<BlacklistEntry> entries = new ArrayList<>(ENTRIES);
        for (int i = 0; i < ENTRIES; i++) {
            entries.add(randomEntry(random, i));
        }
        long loadStart = System.nanoTime();
        Blacklist blacklist = Blacklist.inMemory(Clock.systemUTC());
        blacklist.addAll(entries);
        long loadNanos = System.nanoTime() - loadStart;
        Blacklist small = Blacklist.inMemory(Clock.systemUTC());
        small.addAll(entries.subList(0, SMALL));
        long heapAfter = usedHeap();
        InetAddress[] queries = queries(entries, random);
        InetAddress[] smallQueries = queries(entries.subList(0, SMALL), random);
        entries = null;

        double smallRate = 0;
        double bigRate = 0;
        for (int round = 0; round < 5; round++) {
            smallRate = Math.max(smallRate, lookupsPerSecond(small, smallQueries));
            bigRate = Math.max(bigRate, lookupsPerSecond(blacklist, queries));
        }

        LOGGER.info(String.format("blacklist: %,d entries loaded in %.1f s; heap ~%,d MB (~%d bytes/entry: entry "
                + "objects, indexes, the benchmark's 4 MB list); one thread, half hits: %,.0f lookups/s "
                + "against %,d entries, %,.0f lookups/s against %,d",
            blacklist.size(), loadNanos / 1e9, (heapAfter - heapBefore) >> 20,
            (heapAfter - heapBefore) / blacklist.size(), bigRate, blacklist.size(), smallRate, SMALL));
        assertThat(blacklist.size()).isGreaterThan(ENTRIES * 99 / 100);
        assertThat(hits).isGreaterThanOrEqualTo(QUERIES / 2);
    }

    private int hits;

    private double lookupsPerSecond(Blacklist blacklist, InetAddress[] queries) {
        int found = 0;
        long start = System.nanoTime();
        for (InetAddress query : queries) {
            if (blacklist.matchIp(query).isPresent()) {
                found++;
            }
        }
        double rate = queries.length / ((System.nanoTime() - start) / 1e9);
        hits = found;
        return rate;
    }

    /** Half the queries are addresses of listed entries, half random IPv4 addresses. */
    private static InetAddress[] queries(List<BlacklistEntry> entries, Random random) {
        InetAddress[] queries = new InetAddress[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            queries[i] = i % 2 == 0
                ? entries.get(random.nextInt(entries.size())).prefix().orElseThrow().address()
                : randomIpv4(random);
        }
        return queries;
    }

    /** 80% IPv4 hosts, 15% IPv4 /16-/29 networks, 5% IPv6 /48-/64 networks. */
    private static BlacklistEntry randomEntry(Random random, int i) {
        String value;
        EntryKind kind;
        int draw = i % 20;
        if (draw < 16) {
            kind = EntryKind.IP;
            value = InetAddresses.toAddrString(randomIpv4(random));
        } else if (draw < 19) {
            kind = EntryKind.CIDR;
            value = InetAddresses.toAddrString(randomIpv4(random)) + "/" + (16 + random.nextInt(14));
        } else {
            kind = EntryKind.CIDR;
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            bytes[0] = 0x20;
            bytes[1] = 0x01;
            value = InetAddresses.toAddrString(ipv6(bytes)) + "/" + (48 + random.nextInt(17));
        }
        return BlacklistEntry.builder(kind, value).added(ADDED).addedBy("bench").reason("benchmark").build();
    }

    private static InetAddress ipv6(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress randomIpv4(Random random) {
        return InetAddresses.fromInteger(random.nextInt());
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
