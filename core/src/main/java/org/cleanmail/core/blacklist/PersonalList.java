package org.cleanmail.core.blacklist;

import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One recipient's white and black lists, immutable. Each list holds sender addresses
 * ({@code friend@x.example}) and domains ({@code x.example}); a domain also covers its
 * subdomains.
 *
 * <p>Verdict: the most specific mention wins. An address beats any domain, a domain beats
 * its parent domains; a sender on both lists at the same level is whitelisted, since a
 * wrongly refused mail costs the recipient more than a wrongly accepted one.
 */
public final class PersonalList {
    private static final PersonalList EMPTY = new PersonalList(Set.of(), Set.of());

    private final Set<String> whitelist;
    private final Set<String> blacklist;

    private PersonalList(Set<String> whitelist, Set<String> blacklist) {
        this.whitelist = Set.copyOf(whitelist);
        this.blacklist = Set.copyOf(blacklist);
    }

    public static PersonalList empty() {
        return EMPTY;
    }

    /** Canonical addresses and domains on the whitelist. */
    public Set<String> whitelist() {
        return whitelist;
    }

    /** Canonical addresses and domains on the blacklist. */
    public Set<String> blacklist() {
        return blacklist;
    }

    public Set<String> list(PersonalListKind kind) {
        return kind == PersonalListKind.WHITELIST ? whitelist : blacklist;
    }

    public boolean isEmpty() {
        return whitelist.isEmpty() && blacklist.isEmpty();
    }

    /** What the lists say about a sender address; {@code NONE} for the null sender or a non-address. */
    public PersonalVerdict verdict(String sender) {
        Optional<String> address = MailNames.address(sender);
        if (address.isEmpty() || isEmpty()) {
            return PersonalVerdict.NONE;
        }
        String canonical = address.get();
        Optional<String> name = Optional.of(canonical);
        boolean first = true;
        while (name.isPresent()) {
            if (whitelist.contains(name.get())) {
                return PersonalVerdict.WHITELISTED;
            }
            if (blacklist.contains(name.get())) {
                return PersonalVerdict.BLACKLISTED;
            }
            name = first ? Optional.of(canonical.substring(canonical.lastIndexOf('@') + 1))
                : MailNames.parentDomain(name.get());
            first = false;
        }
        return PersonalVerdict.NONE;
    }

    PersonalList with(PersonalListKind kind, String value) {
        return change(kind, value, true);
    }

    PersonalList without(PersonalListKind kind, String value) {
        return change(kind, value, false);
    }

    private PersonalList change(PersonalListKind kind, String value, boolean add) {
        Set<String> changed = new HashSet<>(list(kind));
        if (add) {
            changed.add(value);
        } else {
            changed.remove(value);
        }
        return kind == PersonalListKind.WHITELIST ? new PersonalList(changed, blacklist)
            : new PersonalList(whitelist, changed);
    }

    /** A sender address or domain in canonical form; {@code *.x.example} is read as {@code x.example}. */
    static Optional<String> canonicalSender(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (trimmed.contains("@")) {
            return MailNames.address(trimmed);
        }
        return MailNames.domain(trimmed.startsWith("*.") ? trimmed.substring(2) : trimmed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonalList && whitelist.equals(((PersonalList) o).whitelist)
            && blacklist.equals(((PersonalList) o).blacklist);
    }

    @Override
    public int hashCode() {
        return Objects.hash(whitelist, blacklist);
    }

    @Override
    public String toString() {
        return "PersonalList{white=" + whitelist + ", black=" + blacklist + "}";
    }
}
