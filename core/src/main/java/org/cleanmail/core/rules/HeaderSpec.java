package org.cleanmail.core.rules;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a header rule looks at: {@code Subject =~ /re/}, {@code From:addr !~ /re/},
 * {@code exists:X-Mailer}, {@code ALL =~ /re/ [if-unset: none]}.
 *
 * <p>The header name is kept as written; pseudo-headers ({@code ALL}, {@code ToCc},
 * {@code MESSAGEID}, {@code EnvelopeFrom}, {@code X-Spam-Relays-*}...) are left to the
 * matching engine to resolve. Modifiers are kept in order: {@code raw}, {@code addr},
 * {@code name}, {@code host}, {@code domain}, {@code ip}, {@code revip}, {@code first},
 * {@code last}.
 */
public final class HeaderSpec {
    public static final String ALL = "ALL";
    public static final String TO_CC = "ToCc";
    public static final String MESSAGE_ID = "MESSAGEID";
    public static final Set<String> MODIFIERS =
        Set.of("raw", "addr", "name", "host", "domain", "ip", "revip", "first", "last");

    private final String header;
    private final List<String> modifiers;
    private final boolean existsTest;
    private final boolean negated;
    private final String ifUnset;

    private HeaderSpec(String header, List<String> modifiers, boolean existsTest, boolean negated, String ifUnset) {
        this.header = Objects.requireNonNull(header, "header");
        this.modifiers = List.copyOf(modifiers);
        this.existsTest = existsTest;
        this.negated = negated;
        this.ifUnset = ifUnset;
    }

    /** {@code exists:Header}: fires when the header is present. */
    public static HeaderSpec exists(String header) {
        return new HeaderSpec(header, List.of(), true, false, null);
    }

    /** {@code Header:mods =~ /re/} or, when {@code negated}, {@code !~}. */
    public static HeaderSpec match(String header, List<String> modifiers, boolean negated, Optional<String> ifUnset) {
        for (String modifier : modifiers) {
            if (!MODIFIERS.contains(modifier.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("unknown header modifier ':" + modifier + "'");
            }
        }
        return new HeaderSpec(header, modifiers, false, negated, ifUnset.orElse(null));
    }

    public String header() {
        return header;
    }

    public List<String> modifiers() {
        return modifiers;
    }

    public boolean hasModifier(String modifier) {
        return modifiers.stream().anyMatch(modifier::equalsIgnoreCase);
    }

    /** Whether the rule only tests that the header exists. */
    public boolean existsTest() {
        return existsTest;
    }

    /** {@code !~}: the rule fires when the pattern does NOT match. */
    public boolean negated() {
        return negated;
    }

    /** The text to match when the header is absent ({@code [if-unset: ...]}). */
    public Optional<String> ifUnset() {
        return Optional.ofNullable(ifUnset);
    }

    public boolean isAll() {
        return ALL.equals(header);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HeaderSpec)) {
            return false;
        }
        HeaderSpec other = (HeaderSpec) o;
        return header.equals(other.header) && modifiers.equals(other.modifiers) && existsTest == other.existsTest
            && negated == other.negated && Objects.equals(ifUnset, other.ifUnset);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, modifiers, existsTest, negated, ifUnset);
    }

    @Override
    public String toString() {
        if (existsTest) {
            return "exists:" + header;
        }
        StringBuilder text = new StringBuilder(header);
        modifiers.forEach(modifier -> text.append(':').append(modifier));
        text.append(negated ? " !~" : " =~");
        if (ifUnset != null) {
            text.append(" [if-unset: ").append(ifUnset).append(']');
        }
        return text.toString();
    }
}
