package org.cleanmail.core.scoring;

import org.cleanmail.core.rules.RuleScore;

/**
 * How a {@link CompiledRuleSet} scores: the SpamAssassin score set (0 = no Bayes, no
 * network tests, the default), the work budget of one rule on one message (in characters
 * read by its regular expression; a rule that exceeds it is stopped, and disabled after
 * {@link #strikesBeforeDisabling()} such messages within {@link #strikeWindow()}; the budget
 * grows with the text), and the
 * cap on header text, 64 KB as in SpamAssassin. Immutable.
 */
public final class ScoringOptions {
    public static final int DEFAULT_SCORE_SET = RuleScore.DEFAULT_SET;
    /** About 20 ms of regex work: thousands of times what a sane rule needs on a big message. */
    public static final long DEFAULT_RULE_BUDGET = 20_000_000L;
    public static final int DEFAULT_MAX_HEADER_CHARS = 64 * 1024;
    /**
     * Added to a rule's budget per character of the texts it matches, so that an ordinary
     * pattern on a huge message is not mistaken for a runaway one.
     */
    public static final long BUDGET_PER_TEXT_CHAR = 32;
    /** Failures, within {@link #DEFAULT_STRIKE_WINDOW} messages, that disable a rule. */
    public static final int DEFAULT_STRIKES_BEFORE_DISABLING = 3;
    public static final int DEFAULT_STRIKE_WINDOW = 1000;
    /** Messages a compiled rule set counts the rules of before it is laid out by their use ({@link RuleLayout}). */
    public static final int DEFAULT_LAYOUT_MESSAGES = 200;

    private final int scoreSet;
    private final long ruleBudget;
    private final int maxHeaderChars;
    private final int strikesBeforeDisabling;
    private final int strikeWindow;
    private final boolean startCharSearch;
    private final boolean anchorSearch;
    private final boolean asciiVariants;
    private final boolean boundaryKinds;
    private final boolean regularFilters;
    private final boolean autoPossessive;
    private final boolean confirmingAnchors;
    private final boolean filterGroups;
    private final boolean commonLiteralsUnrecorded;
    private final boolean sameMatchesOnce;
    private final int layoutMessages;

    private ScoringOptions(Builder builder) {
        this.scoreSet = builder.scoreSet;
        this.ruleBudget = builder.ruleBudget;
        this.maxHeaderChars = builder.maxHeaderChars;
        this.strikesBeforeDisabling = builder.strikesBeforeDisabling;
        this.strikeWindow = builder.strikeWindow;
        this.startCharSearch = builder.startCharSearch;
        this.anchorSearch = builder.anchorSearch;
        this.asciiVariants = builder.asciiVariants;
        this.boundaryKinds = builder.boundaryKinds;
        this.regularFilters = builder.regularFilters;
        this.autoPossessive = builder.autoPossessive;
        this.confirmingAnchors = builder.confirmingAnchors;
        this.filterGroups = builder.filterGroups;
        this.commonLiteralsUnrecorded = builder.commonLiteralsUnrecorded;
        this.sameMatchesOnce = builder.sameMatchesOnce;
        this.layoutMessages = builder.layoutMessages;
    }

    public static ScoringOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int scoreSet() {
        return scoreSet;
    }

    /** These options with another score set (SpamAssassin switches to set 2 once Bayes can answer). */
    public ScoringOptions withScoreSet(int set) {
        Builder builder = new Builder().scoreSet(set);
        builder.ruleBudget = ruleBudget;
        builder.maxHeaderChars = maxHeaderChars;
        builder.strikesBeforeDisabling = strikesBeforeDisabling;
        builder.strikeWindow = strikeWindow;
        builder.startCharSearch = startCharSearch;
        builder.anchorSearch = anchorSearch;
        builder.asciiVariants = asciiVariants;
        builder.boundaryKinds = boundaryKinds;
        builder.regularFilters = regularFilters;
        builder.autoPossessive = autoPossessive;
        builder.confirmingAnchors = confirmingAnchors;
        builder.filterGroups = filterGroups;
        builder.commonLiteralsUnrecorded = commonLiteralsUnrecorded;
        builder.sameMatchesOnce = sameMatchesOnce;
        builder.layoutMessages = layoutMessages;
        return builder.build();
    }

    /**
     * Characters a rule's regular expression may read on one message, all its texts
     * together, plus {@link #BUDGET_PER_TEXT_CHAR} per character of those texts.
     */
    public long ruleBudget() {
        return ruleBudget;
    }

    /** Header text beyond this many characters is not matched. */
    public int maxHeaderChars() {
        return maxHeaderChars;
    }

    /**
     * On how many messages among {@link #strikeWindow()} consecutive ones a rule must fail
     * (exceed its budget, overflow the stack) to be disabled until the next reload; the
     * message it fails on is always scored without it.
     */
    public int strikesBeforeDisabling() {
        return strikesBeforeDisabling;
    }

    /** The number of consecutive messages within which {@link #strikesBeforeDisabling()} failures disable a rule. */
    public int strikeWindow() {
        return strikeWindow;
    }

    /**
     * Whether rules without a usable literal try only the positions that can start a match
     * ({@link StartChars}); on by default.
     */
    public boolean startCharSearch() {
        return startCharSearch;
    }

    /**
     * Whether pattern rules try only the positions near an occurrence of
     * a literal every match holds at a bounded offset ({@link AnchorSearch}); on by default.
     * Off, every position is tried: the same hits, more work (for comparisons).
     */
    public boolean anchorSearch() {
        return anchorSearch;
    }

    /**
     * Whether a text of ASCII characters only is matched with a variant of each pattern made
     * for it: the alternatives that need a non-ASCII character cut
     * ({@link org.cleanmail.core.rules.regex.AsciiPruning}), and Java's own {@code \b} and
     * {@code \B}, which there mean what Perl's do, instead of the look-arounds the translation
     * spells them with for other texts ({@link org.cleanmail.core.rules.regex.PerlRegex#WORD_BOUNDARY});
     * on by default. Off: the same hits, slower.
     */
    public boolean asciiVariants() {
        return asciiVariants;
    }

    /**
     * Whether the literal pass sums up the word boundaries around the occurrences of the
     * literals of rules that are literal strings ({@link LiteralPattern}), which then decide
     * those rules without reading their occurrences; on by default. Off: the same hits,
     * each occurrence read (for comparisons).
     */
    public boolean boundaryKinds() {
        return boundaryKinds;
    }

    /**
     * Whether the rules that would try every position of every text (no selective literal,
     * no start characters) first pass each text through a deterministic automaton of what
     * their matches can be ({@link RegularFilter}), and skip the texts it rules out; on by
     * default. Off: the same hits, slower (for comparisons).
     */
    public boolean regularFilters() {
        return regularFilters;
    }

    /**
     * Whether the patterns matchers run have the greedy quantifiers that never need to give
     * back made possessive ({@link org.cleanmail.core.rules.regex.AutoPossessive}); on by
     * default. Off: the same hits, more backtracking (for comparisons).
     */
    public boolean autoPossessive() {
        return autoPossessive;
    }

    /**
     * Whether an attempt near an anchor's occurrence first checks that a second anchor of the
     * pattern (another literal every match holds within 512 characters of its start) occurs
     * in reach ({@link AnchorSearch#confirming()}); on by default. Off: the same hits, more
     * regular expression attempts (for comparisons).
     */
    public boolean confirmingAnchors() {
        return confirmingAnchors;
    }

    /**
     * Whether the regular filters of each target are also run in groups of a few
     * ({@link FilterGroups}): one pass of a group's filter over a text rules it out for all
     * its rules; on by default. Off: the same hits, a pass per rule (for comparisons).
     */
    public boolean filterGroups() {
        return filterGroups;
    }

    /**
     * Whether literals too common in mail to select anything (one frequent character, such
     * as the {@code e} or the space of the {@code FUZZY_*} rules) are left out of the literal
     * pass: a rule that would be filtered by one, or anchored on one, runs on every message
     * and looks for its anchor itself, and a requirement that holds one is not checked; on
     * by default. Off: the same hits, the pass records such a character at each of its
     * occurrences (most of what the bench's body pass reported).
     */
    public boolean commonLiteralsUnrecorded() {
        return commonLiteralsUnrecorded;
    }

    /**
     * Whether rules that match alike ({@link SameMatches}: the same pattern on the same texts)
     * are matched once per message, the count given to each; on by default. Off: the same
     * hits, each rule matched on its own (for comparisons).
     */
    public boolean sameMatchesOnce() {
        return sameMatchesOnce;
    }

    /**
     * Over how many messages a rule set compiled in name order counts the rules it runs, to
     * be compiled again, in the background, with those rules numbered first ({@link RuleLayout},
     * {@link LiveRules#layOutByUse});
     * {@value #DEFAULT_LAYOUT_MESSAGES} by default, 0: never.
     */
    public int layoutMessages() {
        return layoutMessages;
    }

    @Override
    public String toString() {
        return "ScoringOptions{scoreSet=" + scoreSet + ", ruleBudget=" + ruleBudget + ", maxHeaderChars="
            + maxHeaderChars + ", strikesBeforeDisabling=" + strikesBeforeDisabling + ", strikeWindow=" + strikeWindow
            + ", startCharSearch="
            + startCharSearch + ", anchorSearch=" + anchorSearch + ", asciiVariants=" + asciiVariants
            + ", boundaryKinds=" + boundaryKinds + ", regularFilters=" + regularFilters
            + ", autoPossessive=" + autoPossessive + ", confirmingAnchors=" + confirmingAnchors + ", filterGroups="
            + filterGroups + ", commonLiteralsUnrecorded=" + commonLiteralsUnrecorded + ", sameMatchesOnce=" + sameMatchesOnce
            + ", layoutMessages=" + layoutMessages + "}";
    }

    /** Builds {@link ScoringOptions}; starts from the defaults and checks each value. */
    public static final class Builder {
        private int scoreSet = DEFAULT_SCORE_SET;
        private long ruleBudget = DEFAULT_RULE_BUDGET;
        private int maxHeaderChars = DEFAULT_MAX_HEADER_CHARS;
        private int strikesBeforeDisabling = DEFAULT_STRIKES_BEFORE_DISABLING;
        private int strikeWindow = DEFAULT_STRIKE_WINDOW;
        private boolean startCharSearch = true;
        private boolean anchorSearch = true;
        private boolean asciiVariants = true;
        private boolean boundaryKinds = true;
        private boolean regularFilters = true;
        private boolean autoPossessive = true;
        private boolean confirmingAnchors = true;
        private boolean filterGroups = true;
        private boolean commonLiteralsUnrecorded = true;
        private boolean sameMatchesOnce = true;
        private int layoutMessages = DEFAULT_LAYOUT_MESSAGES;

        private Builder() {
        }

        /** Messages to count the rules of before laying them out by use; 0: never. */
        public Builder layoutMessages(int messages) {
            if (messages < 0) {
                throw new IllegalArgumentException("layout messages must be 0 or more, got " + messages);
            }
            this.layoutMessages = messages;
            return this;
        }

        public Builder sameMatchesOnce(boolean enabled) {
            this.sameMatchesOnce = enabled;
            return this;
        }

        public Builder commonLiteralsUnrecorded(boolean enabled) {
            this.commonLiteralsUnrecorded = enabled;
            return this;
        }

        public Builder filterGroups(boolean enabled) {
            this.filterGroups = enabled;
            return this;
        }

        public Builder confirmingAnchors(boolean enabled) {
            this.confirmingAnchors = enabled;
            return this;
        }

        public Builder autoPossessive(boolean enabled) {
            this.autoPossessive = enabled;
            return this;
        }

        public Builder regularFilters(boolean enabled) {
            this.regularFilters = enabled;
            return this;
        }

        public Builder boundaryKinds(boolean enabled) {
            this.boundaryKinds = enabled;
            return this;
        }

        public Builder asciiVariants(boolean enabled) {
            this.asciiVariants = enabled;
            return this;
        }

        public Builder anchorSearch(boolean enabled) {
            this.anchorSearch = enabled;
            return this;
        }

        public Builder startCharSearch(boolean enabled) {
            this.startCharSearch = enabled;
            return this;
        }

        public Builder scoreSet(int scoreSet) {
            if (scoreSet < 0 || scoreSet >= RuleScore.SETS) {
                throw new IllegalArgumentException("'scoreSet' must be 0 to 3, e.g. 0 (no Bayes, no network tests); got "
                    + scoreSet);
            }
            this.scoreSet = scoreSet;
            return this;
        }

        public Builder ruleBudget(long ruleBudget) {
            if (ruleBudget < 1000) {
                throw new IllegalArgumentException("'ruleBudget' must be at least 1000 characters, e.g. "
                    + DEFAULT_RULE_BUDGET + "; got " + ruleBudget);
            }
            this.ruleBudget = ruleBudget;
            return this;
        }

        public Builder maxHeaderChars(int maxHeaderChars) {
            if (maxHeaderChars < 1024) {
                throw new IllegalArgumentException("'maxHeaderChars' must be at least 1024, e.g. "
                    + DEFAULT_MAX_HEADER_CHARS + "; got " + maxHeaderChars);
            }
            this.maxHeaderChars = maxHeaderChars;
            return this;
        }

        public Builder strikesBeforeDisabling(int strikes) {
            if (strikes < 1) {
                throw new IllegalArgumentException("'strikesBeforeDisabling' must be at least 1, e.g. "
                    + DEFAULT_STRIKES_BEFORE_DISABLING + "; got " + strikes);
            }
            this.strikesBeforeDisabling = strikes;
            return this;
        }

        public Builder strikeWindow(int messages) {
            if (messages < 1) {
                throw new IllegalArgumentException("'strikeWindow' must be at least 1 message, e.g. " + DEFAULT_STRIKE_WINDOW
                    + "; got " + messages);
            }
            this.strikeWindow = messages;
            return this;
        }

        public ScoringOptions build() {
            return new ScoringOptions(this);
        }
    }
}
