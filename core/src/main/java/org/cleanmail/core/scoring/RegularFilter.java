package org.cleanmail.core.scoring;

import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.apache.lucene.util.automaton.Transition;
import org.cleanmail.core.rules.regex.RegularSuperset;

/**
 * Whether a text can hold a match of a rule's pattern, in one pass of a deterministic
 * automaton over its characters (a table lookup each): the automaton of every text that
 * holds a substring {@link RegularSuperset} accepts. A text it rejects holds no match, and
 * the regular expression is not run on it; a text it accepts is matched as before. It
 * spares the costliest rules, those with no selective literal, which a backtracking search
 * tries at every position of every text. Texts in byte form (characters below 256); a text
 * with another character always passes. Immutable and thread-safe.
 */
final class RegularFilter {
    /**
     * Anchored rules whose anchor leaves this many match attempts per character or more get a
     * filter too: a pass of the automaton costs less than a tenth of the text's attempts.
     */
    static final double MIN_EXPECTED_TRIES = 0.1;
    /** Determinising work beyond this (about as many states) gives up the filter. */
    static final int DETERMINIZE_WORK_LIMIT = 3_000;
    /** Beyond this many states before determinising, the filter is not tried (a ReplaceTags giant: seconds, then refused). */
    static final int MAX_NONDETERMINISTIC_STATES = 2000;
    /** At most this many states in the table. */
    static final int MAX_STATES = 4096;
    private static final int ALPHABET = 256;

    /** Class of each character below 256: characters no transition tells apart share one. */
    private final byte[] classOf;
    private final int classes;
    /** By state offset (state times {@link #classes}) plus class: the next state's offset. */
    private final int[] next;
    /** States at or beyond this offset accept: a substring of the text so far is in the superset. */
    private final int firstAccepting;
    private final int states;

    private RegularFilter(byte[] classOf, int classes, int[] next, int firstAccepting, int states) {
        this.classOf = classOf;
        this.classes = classes;
        this.next = next;
        this.firstAccepting = firstAccepting;
        this.states = states;
    }

    /** The filter of a pattern, or empty when its superset cannot be read or determinised small enough. */
    static Optional<RegularFilter> of(Pattern pattern, RegularSuperset reader) {
        return of(pattern, reader, DETERMINIZE_WORK_LIMIT);
    }

    /** As {@link #of(Pattern, RegularSuperset)}, with another limit on the determinising work. */
    static Optional<RegularFilter> of(Pattern pattern, RegularSuperset reader, int workLimit) {
        return reader.of(pattern).flatMap(superset -> containing(superset, workLimit));
    }

    private static Optional<RegularFilter> containing(Automaton superset, int workLimit) {
        if (superset.getNumStates() > MAX_NONDETERMINISTIC_STATES) {
            return Optional.empty();
        }
        Automaton anywhere = Operations.concatenate(Operations.repeat(Automata.makeCharRange(0, ALPHABET - 1)), superset);
        Automaton deterministic;
        try {
            deterministic = Operations.determinize(anywhere, workLimit);
        } catch (TooComplexToDeterminizeException e) {
            return Optional.empty();
        }
        int states = deterministic.getNumStates();
        if (states > MAX_STATES) {
            return Optional.empty();
        }
        byte[] classOf = classes(deterministic);
        int classes = (classOf[ALPHABET - 1] & 0xFF) + 1;
        // accepting states numbered last, so that one comparison tells them
        int[] number = new int[states];
        int accepting = 0;
        for (int state = 0; state < states; state++) {
            accepting += deterministic.isAccept(state) ? 1 : 0;
        }
        int nextPlain = 0;
        int nextAccepting = states - accepting;
        for (int state = 0; state < states; state++) {
            number[state] = deterministic.isAccept(state) ? nextAccepting++ : nextPlain++;
        }
        if (deterministic.isAccept(0)) {
            return Optional.empty();
        }
        int[] next = new int[states * classes];
        // a missing transition leads nowhere; with "anything first" there is none, but stay on the start then
        Transition transition = new Transition();
        for (int state = 0; state < states; state++) {
            int row = number[state] * classes;
            for (int count = deterministic.initTransition(state, transition), i = 0; i < count; i++) {
                deterministic.getNextTransition(transition);
                for (int c = transition.min; c <= Math.min(transition.max, ALPHABET - 1); c++) {
                    next[row + (classOf[c] & 0xFF)] = number[transition.dest] * classes;
                }
            }
        }
        return Optional.of(new RegularFilter(classOf, classes, next, (states - accepting) * classes, states));
    }

    /** Numbers the characters below 256 by the ranges of the transitions: each class is a run between two boundaries. */
    private static byte[] classes(Automaton automaton) {
        boolean[] boundary = new boolean[ALPHABET + 1];
        Transition transition = new Transition();
        for (int state = 0; state < automaton.getNumStates(); state++) {
            for (int count = automaton.initTransition(state, transition), i = 0; i < count; i++) {
                automaton.getNextTransition(transition);
                boundary[Math.min(transition.min, ALPHABET)] = true;
                boundary[Math.min(transition.max + 1, ALPHABET)] = true;
            }
        }
        byte[] classOf = new byte[ALPHABET];
        int current = 0;
        for (int c = 1; c < ALPHABET; c++) {
            if (boundary[c]) {
                current++;
            }
            classOf[c] = (byte) current;
        }
        return classOf;
    }

    /** Whether the text may hold a match: false only when no substring of it is in the superset. */
    boolean mayMatch(String text) {
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= ALPHABET) {
                return true;
            }
            state = next[state + (classOf[c] & 0xFF)];
            if (state >= firstAccepting) {
                return true;
            }
        }
        return false;
    }

    /** States of the table, for reports. */
    int states() {
        return states;
    }
}
