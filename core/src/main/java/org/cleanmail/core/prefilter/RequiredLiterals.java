package org.cleanmail.core.prefilter;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a regular expression needs in a text before it can match: at least one of a set of
 * case-folded literals ({@link #anyOf()}), or nothing usable ({@link #none()}: the
 * pattern must always be run). Sound by construction: if none of the literals occurs in
 * the folded text, the pattern cannot match it.
 */
public final class RequiredLiterals {
    private static final RequiredLiterals NONE = new RequiredLiterals(Set.of());

    private final Set<String> anyOf;

    private RequiredLiterals(Set<String> anyOf) {
        this.anyOf = anyOf;
    }

    public static RequiredLiterals none() {
        return NONE;
    }

    public static RequiredLiterals anyOf(Set<String> literals) {
        if (literals.isEmpty()) {
            throw new IllegalArgumentException("a literal set is never empty; use none()");
        }
        return new RequiredLiterals(Set.copyOf(new TreeSet<>(literals)));
    }

    /** The literals of which one must occur; empty when the pattern has no usable literal. */
    public Set<String> anyOf() {
        return anyOf;
    }

    public boolean usable() {
        return !anyOf.isEmpty();
    }

    /** The shortest literal: the weakest link of the filter. */
    public Optional<Integer> shortest() {
        return anyOf.stream().map(String::length).min(Integer::compare);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequiredLiterals && anyOf.equals(((RequiredLiterals) o).anyOf);
    }

    @Override
    public int hashCode() {
        return Objects.hash(anyOf);
    }

    @Override
    public String toString() {
        return usable() ? "anyOf" + new TreeSet<>(anyOf) : "none";
    }
}
