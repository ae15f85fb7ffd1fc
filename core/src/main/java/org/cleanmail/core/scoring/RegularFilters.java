package org.cleanmail.core.scoring;

/**
 * The rules' {@link RegularFilter}s and their {@link FilterGroups}, for any text and for
 * texts of ASCII characters only: such a text is matched with a rule's ASCII variant where it
 * has one ({@link CompiledRule#asciiPattern}), so it is filtered with the variant's automaton
 * (the look-alike rules' automata, built by each thread for their accented letters'
 * alternatives in UTF-8 bytes, are built whole for the variants) and grouped with the
 * variants'. Immutable and thread-safe.
 */
final class RegularFilters {
    /** By rule index: the filter of any text, or null for a rule without one. */
    private final RegularFilter[] filters;
    /** By rule index: the filter of a text of ASCII characters only (the rule's own where it has no ASCII variant), or null. */
    private final RegularFilter[] asciiFilters;
    private final FilterGroups groups;
    private final FilterGroups asciiGroups;

    RegularFilters(RegularFilter[] filters, RegularFilter[] asciiFilters, FilterGroups groups, FilterGroups asciiGroups) {
        this.filters = filters;
        this.asciiFilters = asciiFilters;
        this.groups = groups;
        this.asciiGroups = asciiGroups;
    }

    /** The rule's filter of a text, of ASCII characters only or not; null for a rule without one. */
    RegularFilter filter(int index, boolean asciiText) {
        return asciiText ? asciiFilters[index] : filters[index];
    }

    /** The groups of the filters of a text, of ASCII characters only or not. */
    FilterGroups groups(boolean asciiText) {
        return asciiText ? asciiGroups : groups;
    }
}
