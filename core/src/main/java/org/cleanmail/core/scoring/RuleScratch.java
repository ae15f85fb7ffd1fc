package org.cleanmail.core.scoring;

import java.util.Arrays;
import java.util.BitSet;

/**
 * One thread's per-rule arrays for its message evaluations ({@link MessageEvaluation}),
 * kept from message to message ({@link CompiledRuleSet#ruleScratch}): a large rule set's
 * values alone are 180 KB, which a fresh evaluation would allocate and zero for every
 * message, evicting half a core's cache each time. An evaluation claims the arrays while
 * they are free, and {@link #release}s them once its results are read: only the entries
 * that message set are cleared. Not thread-safe.
 */
final class RuleScratch {
    /** Each rule's value (hit count, or meta value); 0 but for {@link #nonZero}'s rules. */
    final double[] values;
    /** The rules whose value was set to something other than 0. */
    final BitSet nonZero;
    /** Sub-rules that may match, run only if a meta reads them. */
    final BitSet pending;
    /** The candidates of the target being scanned. */
    final BitSet candidates;
    /** The positions in {@link CompiledRuleSet#topMetaOrder} of the metas woken ({@link MetaWakeUps}). */
    final BitSet wokenMetas = new BitSet();
    /** The name ranks of the rules a message hit ({@link MessageEvaluation#hits}), a bit each; cleared by each use. */
    final long[] hitRanks;
    /** Whether reading a rule is cheap, by index: 0 not known yet; set through {@link #note}. */
    final byte[] cheapness;
    /** Whether a pending sub-meta can be anything but 0, by index: 0 not known yet; set through {@link #note}. */
    final byte[] metaOutlook;
    /** The rules whose {@link #cheapness} or {@link #metaOutlook} this message set. */
    private int[] noted = new int[64];
    private int notedCount;
    /** The rules this message ran, while the rule set counts them ({@link RuleUse}). */
    private int[] ran = new int[256];
    private int ranCount;
    private boolean claimed;

    RuleScratch(int rules) {
        this.values = new double[rules];
        this.nonZero = new BitSet(rules);
        this.pending = new BitSet(rules);
        this.candidates = new BitSet(rules);
        this.hitRanks = new long[(rules + Long.SIZE - 1) / Long.SIZE];
        this.cheapness = new byte[rules];
        this.metaOutlook = new byte[rules];
    }

    /** These arrays if free, now claimed; else fresh ones (an evaluation on this thread has not released them). */
    RuleScratch claim() {
        if (claimed) {
            RuleScratch fresh = new RuleScratch(values.length);
            fresh.claimed = true;
            return fresh;
        }
        claimed = true;
        return this;
    }

    /** Remembers that {@link #cheapness} or {@link #metaOutlook} of the rule is set. */
    void note(int rule) {
        if (notedCount == noted.length) {
            noted = Arrays.copyOf(noted, notedCount * 2);
        }
        noted[notedCount++] = rule;
    }

    /** Remembers that the message ran the rule (for {@link RuleUse}). */
    void ran(int rule) {
        if (ranCount == ran.length) {
            ran = Arrays.copyOf(ran, ranCount * 2);
        }
        ran[ranCount++] = rule;
    }

    /** Adds the rules the message ran to the rule set's count; returns whether that completed it ({@link RuleUse#add}). */
    boolean addRanTo(RuleUse use) {
        return use.add(ran, ranCount);
    }

    /** Clears what the message set, and frees the arrays for the next evaluation. */
    void release() {
        for (int index = nonZero.nextSetBit(0); index >= 0; index = nonZero.nextSetBit(index + 1)) {
            values[index] = 0;
        }
        nonZero.clear();
        pending.clear();
        candidates.clear();
        wokenMetas.clear();
        for (int i = 0; i < notedCount; i++) {
            cheapness[noted[i]] = 0;
            metaOutlook[noted[i]] = 0;
        }
        notedCount = 0;
        ranCount = 0;
        claimed = false;
    }
}
