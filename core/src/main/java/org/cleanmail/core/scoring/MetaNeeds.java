package org.cleanmail.core.scoring;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What each meta needs to be anything but 0, as rule indices, for metas none of whose
 * operands can be negative (pattern, header and eval rules count hits; a meta may be
 * negative unless its expression and the metas it reads are not): rules of which one at
 * least must not be 0 ({@link org.cleanmail.core.rules.meta.MetaExpression#necessaryOperands()}),
 * and each rule's greatest value, which bounds the terms of a sum compared with a number
 * ({@link org.cleanmail.core.rules.meta.SumThreshold}, {@link org.cleanmail.core.rules.meta.MetaInputs#max}):
 * the most hits it counts (1 unless {@code tflags multiple}, {@code maxhits=N}), a meta's what
 * its expression can reach from its operands'. Immutable.
 */
final class MetaNeeds {
    /**
     * The rule sets of which one at least must not be 0, of every meta whose needs are known,
     * in one array in the order the metas are evaluated (the checks of a message's metas so
     * read it from start to end): at a meta's {@link #start}, the number of its sets, then
     * each set's length followed by its rules.
     */
    private final int[] needs;
    /** By rule index: where its needs start in {@link #needs}; -1 when nothing is known. */
    private final int[] start;
    /** By rule index: the greatest value the rule can have (infinite: not known). */
    private final double[] max;
    /** By meta rule index: whether none of its operands can be negative, so that their greatest values bound it. */
    private final boolean[] bounded;

    private MetaNeeds(int[] needs, int[] start, double[] max, boolean[] bounded) {
        this.needs = needs;
        this.start = start;
        this.max = max;
        this.bounded = bounded;
    }

    /** The needs of the metas, {@code order} listing them so that the metas a meta reads come first. */
    static MetaNeeds of(CompiledRule[] compiled, List<Integer> order) {
        int[] start = new int[compiled.length];
        Arrays.fill(start, -1);
        IntStream.Builder needs = IntStream.builder();
        int length = 0;
        boolean[] nonNegative = new boolean[compiled.length];
        boolean[] bounded = new boolean[compiled.length];
        double[] max = new double[compiled.length];
        for (CompiledRule rule : compiled) {
            if (rule != null) {
                max[rule.index] = rule.meta == null ? rule.maxHits : Double.POSITIVE_INFINITY;
            }
        }
        for (int index : order) {
            CompiledRule meta = compiled[index];
            boolean operandsNonNegative = true;
            for (int operand : meta.metaOperands) {
                if (operand >= 0 && compiled[operand] != null && compiled[operand].meta != null) {
                    operandsNonNegative &= nonNegative[operand];
                }
            }
            nonNegative[index] = operandsNonNegative && meta.meta.nonNegative();
            if (!operandsNonNegative) {
                continue;
            }
            bounded[index] = true;
            max[index] = meta.meta.maxValue(operand -> max(meta.metaOperands[operand], max));
            List<int[]> sets = meta.meta.necessaryOperands();
            if (!sets.isEmpty()) {
                start[index] = length;
                needs.add(sets.size());
                length++;
                for (int[] set : sets) {
                    needs.add(set.length);
                    for (int operand : set) {
                        needs.add(meta.metaOperands[operand]);
                    }
                    length += 1 + set.length;
                }
            }
        }
        return new MetaNeeds(needs.build().toArray(), start, max, bounded);
    }

    /** The greatest value of a rule; an unknown rule (-1) is 0. */
    private static double max(int rule, double[] max) {
        return rule < 0 ? 0 : max[rule];
    }

    /**
     * Where the meta's needs start in {@link #needs()}: the number of rule sets of which one
     * at least must not be 0 for the meta not to be, then each set's length and rules; -1
     * when nothing is known.
     */
    int start(int meta) {
        return start[meta];
    }

    /** The needs of all metas, each from its {@link #start}; not a copy. */
    int[] needs() {
        return needs;
    }

    /** The greatest value a rule can have: its most hits, a meta's from its expression; infinite when not known. */
    double max(int rule) {
        return max[rule];
    }

    /** Whether none of the meta's operands can be negative: their greatest values bound its terms. */
    boolean bounded(int meta) {
        return bounded[meta];
    }
}
