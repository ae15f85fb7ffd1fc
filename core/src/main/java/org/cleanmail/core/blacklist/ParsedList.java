package org.cleanmail.core.blacklist;

import java.util.List;

/**
 * What reading a list file gave: the entries of the good lines, and a problem for each
 * bad line. A bad line never stops the others from loading.
 *
 * @param <T> the entry type
 */
public final class ParsedList<T> {
    private final List<T> entries;
    private final List<LineProblem> problems;

    public ParsedList(List<T> entries, List<LineProblem> problems) {
        this.entries = List.copyOf(entries);
        this.problems = List.copyOf(problems);
    }

    public List<T> entries() {
        return entries;
    }

    public List<LineProblem> problems() {
        return problems;
    }

    @Override
    public String toString() {
        return "ParsedList{" + entries.size() + " entries, problems=" + problems + "}";
    }
}
