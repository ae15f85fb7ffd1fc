package org.cleanmail.core.scoring;

import java.util.Arrays;
import java.util.List;

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
     * By meta rule index: the rule sets of which one at least must not be 0, laid out flat in
     * the order the metas are evaluated (the checks of a message's metas so read it from
     * start to end); none where nothing is known.
     */
    private final FlatSets anyOf;
    /** By rule index: the greatest value the rule can have (infinite: not known). */
    private final double[] max;
    /** By meta rule index: whether none of its operands can be negative, so that their greatest values bound it. */
    private final boolean[] bounded;

    private MetaNeeds(FlatSets anyOf, double[] max, boolean[] bounded) {
        this.anyOf = anyOf;
        this.max = max;
        this.bounded = bounded;
    }

    /** The needs of the metas, {@code order} listing them so that the metas a meta reads come first. */
    static MetaNeeds of(CompiledRule[] compiled, List<Integer> order) {
        int[][][] anyOf = new int[compiled.length][][];
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
                anyOf[index] = sets.stream().map(set -> rules(set, meta)).toArray(int[][]::new);
            }
        }
        return new MetaNeeds(FlatSets.of(anyOf, order.stream().mapToInt(Integer::intValue).toArray()), max, bounded);
    }

    /** The greatest value of a rule; an unknown rule (-1) is 0. */
    private static double max(int rule, double[] max) {
        return rule < 0 ? 0 : max[rule];
    }

    private static int[] rules(int[] operands, CompiledRule meta) {
        return Arrays.stream(operands).map(operand -> meta.metaOperands[operand]).toArray();
    }

    /** By meta rule index: the rule sets of which one at least must not be 0 for the meta not to be (none: nothing known). */
    FlatSets anyOf() {
        return anyOf;
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
