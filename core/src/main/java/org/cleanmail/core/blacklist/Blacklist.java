package org.cleanmail.core.blacklist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.net.InetAddresses;

/**
 * The administrator's blacklist: client IP addresses and networks, sender domains and
 * addresses, HELO names. Thread-safe; lookups take no lock and cost the same whatever the
 * size: an IP lookup is one hash probe for single-address entries (a host is the longest
 * prefix there is), then a walk down a path-compressed prefix trie of networks (longest
 * active prefix wins),
 * domains walk the labels of the name through a hash map, addresses and HELO names are
 * one hash lookup. Expired entries never match (see {@link #removeExpired()} to drop
 * them). Changes are serialized and visible to the next lookup.
 *
 * <p>A blacklist opened with {@link #openIn(Path, Clock)} lives in
 * {@value #FILE_NAME} in that folder (see {@link BlacklistFileFormat}); every change
 * rewrites the file atomically, so prefer {@link #addAll(Collection)} for bulk changes.
 */
public final class Blacklist {
    public static final String FILE_NAME = "blacklist.txt";

    private static final Logger LOGGER = LoggerFactory.getLogger(Blacklist.class);

    private final Clock clock;
    private final Path file;
    private final Object writeLock = new Object();
    private final Map<IpPrefix, BlacklistEntry> hosts = new ConcurrentHashMap<>();
    private volatile IpPrefixTrie<BlacklistEntry> networks = IpPrefixTrie.empty();
    private final Map<String, BlacklistEntry> domains = new ConcurrentHashMap<>();
    private final Map<String, BlacklistEntry> addresses = new ConcurrentHashMap<>();
    private final Map<String, BlacklistEntry> helos = new ConcurrentHashMap<>();
    private volatile List<LineProblem> loadProblems = List.of();

    private Blacklist(Clock clock, Path file) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.file = file;
    }

    /** An empty blacklist kept in memory only. */
    public static Blacklist inMemory(Clock clock) {
        return new Blacklist(clock, null);
    }

    /**
     * The blacklist stored in {@code folder}/{@value #FILE_NAME}, empty if the file does not
     * exist yet. Bad lines are logged, skipped and listed by {@link #loadProblems()}.
     */
    public static Blacklist openIn(Path folder, Clock clock) throws IOException {
        Blacklist blacklist = new Blacklist(clock, folder.resolve(FILE_NAME));
        ParsedList<BlacklistEntry> parsed = BlacklistFileFormat.parse(AtomicFiles.readLines(blacklist.file),
            clock.instant());
        parsed.problems().forEach(problem -> LOGGER.warn("Skipping line {} of {}: {}", problem.lineNumber(),
            blacklist.file, problem.reason()));
        blacklist.loadProblems = parsed.problems();
        synchronized (blacklist.writeLock) {
            parsed.entries().forEach(blacklist::put);
        }
        return blacklist;
    }

    /** The bad lines skipped when the file was loaded. */
    public List<LineProblem> loadProblems() {
        return loadProblems;
    }

    /** Adds the entry, replacing the entry with the same {@link BlacklistEntry#key()}. */
    public void add(BlacklistEntry entry) {
        addAll(List.of(entry));
    }

    /** Adds the entries with one file rewrite. */
    public void addAll(Collection<BlacklistEntry> entries) {
        synchronized (writeLock) {
            entries.forEach(this::put);
            save();
        }
    }

    /**
     * Adds the entries of the good lines (see {@link BlacklistFileFormat}; entries without
     * {@code added} get the clock's instant) with one file rewrite.
     *
     * @return the entries added and a problem for each bad line, which is skipped
     */
    public ParsedList<BlacklistEntry> importLines(List<String> lines) {
        ParsedList<BlacklistEntry> parsed = BlacklistFileFormat.parse(lines, clock.instant());
        addAll(parsed.entries());
        return parsed;
    }

    /** Every entry as the lines of a list file, which {@link #importLines(List)} reads back. */
    public List<String> export() {
        return BlacklistFileFormat.write(entries());
    }

    /**
     * Removes the entry of this kind and value (written as in list files; {@code ip} and
     * {@code cidr} share their values, so either kind removes {@code 203.0.113.7}).
     *
     * @return whether there was such an entry
     * @throws IllegalArgumentException when the value is not valid for the kind
     */
    public boolean remove(EntryKind kind, String value) {
        BlacklistEntry probe = BlacklistEntry.builder(kind, value).added(Instant.EPOCH).build();
        synchronized (writeLock) {
            boolean removed = removeEntry(probe);
            if (removed) {
                save();
            }
            return removed;
        }
    }

    /**
     * The entry of exactly this kind and value, expired or not (written as in list files).
     *
     * @throws IllegalArgumentException when the value is not valid for the kind
     */
    public Optional<BlacklistEntry> get(EntryKind kind, String value) {
        BlacklistEntry probe = BlacklistEntry.builder(kind, value).added(Instant.EPOCH).build();
        switch (probe.kind()) {
            case IP:
                return Optional.ofNullable(hosts.get(probe.prefix().orElseThrow()));
            case CIDR:
                return networks.get(probe.prefix().orElseThrow());
            case DOMAIN:
                return Optional.ofNullable(domains.get(probe.value()));
            case ADDRESS:
                return Optional.ofNullable(addresses.get(probe.value()));
            case HELO:
                return Optional.ofNullable(helos.get(probe.value()));
            default:
                throw new IllegalStateException("unknown kind " + probe.kind());
        }
    }

    /** Drops the entries expired at the clock's instant; returns how many. */
    public int removeExpired() {
        Instant now = clock.instant();
        synchronized (writeLock) {
            List<BlacklistEntry> expired = new ArrayList<>();
            forEachEntry(entry -> {
                if (!entry.isActiveAt(now)) {
                    expired.add(entry);
                }
            });
            expired.forEach(this::removeEntry);
            if (!expired.isEmpty()) {
                save();
            }
            return expired.size();
        }
    }

    /** Every entry, expired ones included, IP entries first. */
    public List<BlacklistEntry> entries() {
        List<BlacklistEntry> all = new ArrayList<>(size());
        forEachEntry(all::add);
        return List.copyOf(all);
    }

    public int size() {
        return hosts.size() + networks.size() + domains.size() + addresses.size() + helos.size();
    }

    /** The active entry of the longest network holding {@code client}. */
    public Optional<BlacklistEntry> matchIp(InetAddress client) {
        if (client == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        IpPrefix host = IpPrefix.host(client);
        BlacklistEntry exact = hosts.get(host);
        if (exact != null && exact.isActiveAt(now)) {
            return Optional.of(exact);
        }
        return networks.longestMatch(host, entry -> entry.isActiveAt(now));
    }

    /** Like {@link #matchIp(InetAddress)} for an address in text; empty when it is no IP address. */
    public Optional<BlacklistEntry> matchIp(String client) {
        if (client == null || !InetAddresses.isInetAddress(client.trim())) {
            return Optional.empty();
        }
        return matchIp(InetAddresses.forString(client.trim()));
    }

    /**
     * The active entry for this domain: its exact entry, else the entry of the nearest
     * parent domain that includes subdomains.
     */
    public Optional<BlacklistEntry> matchDomain(String domain) {
        Optional<String> canonical = MailNames.domain(domain);
        if (canonical.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String name = canonical.get();
        BlacklistEntry exact = domains.get(name);
        if (exact != null && exact.isActiveAt(now)) {
            return Optional.of(exact);
        }
        Optional<String> parent = MailNames.parentDomain(name);
        while (parent.isPresent()) {
            BlacklistEntry entry = domains.get(parent.get());
            if (entry != null && entry.subdomains() && entry.isActiveAt(now)) {
                return Optional.of(entry);
            }
            parent = MailNames.parentDomain(parent.get());
        }
        return Optional.empty();
    }

    /**
     * The active entry for a MAIL FROM address: the address entry, else the entry of its
     * domain. Empty for the null sender and for what is not an address.
     */
    public Optional<BlacklistEntry> matchSender(String address) {
        Optional<String> canonical = MailNames.address(address);
        if (canonical.isEmpty()) {
            return Optional.empty();
        }
        BlacklistEntry entry = addresses.get(canonical.get());
        if (entry != null && entry.isActiveAt(clock.instant())) {
            return Optional.of(entry);
        }
        return matchDomain(canonical.get().substring(canonical.get().lastIndexOf('@') + 1));
    }

    /** The active entry for a HELO/EHLO name. */
    public Optional<BlacklistEntry> matchHelo(String helo) {
        return MailNames.helo(helo)
            .map(helos::get)
            .filter(entry -> entry.isActiveAt(clock.instant()));
    }

    private void put(BlacklistEntry entry) {
        switch (entry.kind()) {
            case IP:
                hosts.put(entry.prefix().orElseThrow(), entry);
                break;
            case CIDR:
                networks = networks.with(entry.prefix().orElseThrow(), entry);
                break;
            case DOMAIN:
                domains.put(entry.value(), entry);
                break;
            case ADDRESS:
                addresses.put(entry.value(), entry);
                break;
            case HELO:
                helos.put(entry.value(), entry);
                break;
            default:
                throw new IllegalStateException("unknown kind " + entry.kind());
        }
    }

    private boolean removeEntry(BlacklistEntry probe) {
        switch (probe.kind()) {
            case IP:
                return hosts.remove(probe.prefix().orElseThrow()) != null;
            case CIDR:
                IpPrefixTrie<BlacklistEntry> before = networks;
                networks = before.without(probe.prefix().orElseThrow());
                return networks != before;
            case DOMAIN:
                return domains.remove(probe.value()) != null;
            case ADDRESS:
                return addresses.remove(probe.value()) != null;
            case HELO:
                return helos.remove(probe.value()) != null;
            default:
                throw new IllegalStateException("unknown kind " + probe.kind());
        }
    }

    private void forEachEntry(Consumer<BlacklistEntry> action) {
        hosts.values().forEach(action);
        networks.forEach(action);
        domains.values().forEach(action);
        addresses.values().forEach(action);
        helos.values().forEach(action);
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            AtomicFiles.writeLines(file, export());
        } catch (IOException e) {
            throw new UncheckedIOException("Blacklist changed in memory but could not be saved to " + file, e);
        }
    }
}
