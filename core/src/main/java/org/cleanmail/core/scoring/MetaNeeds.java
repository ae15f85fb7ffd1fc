package org.cleanmail.core.scoring;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.cleanmail.core.rules.meta.CountedNeed;

/**
 * What each meta needs to be anything but 0, as rule indices, for metas none of whose
 * operands can be negative (pattern, header and eval rules count hits; a meta may be
 * negative unless its expression and the metas it reads are not): rules of which one at
 * least must not be 0 ({@link org.cleanmail.core.rules.meta.MetaExpression#necessaryOperands()}),
 * and a count of summands not 0 ({@link org.cleanmail.core.rules.meta.MetaExpression#countedNeed()}),
 * the latter only where every rule a summand names is at most 1 (a rule that counts one hit,
 * an eval rule, a meta whose value is at most 1). Immutable.
 */
final class MetaNeeds {
    /** By meta rule index: the rule sets of which one at least must not be 0; null: nothing known. */
    private final int[][][] anyOf;
    /** By meta rule index: the summands as rule sets, of which {@link #atLeast} must not be 0; null: none. */
    private final int[][][] summands;
    private final int[] atLeast;

    private MetaNeeds(int[][][] anyOf, int[][][] summands, int[] atLeast) {
        this.anyOf = anyOf;
        this.summands = summands;
        this.atLeast = atLeast;
    }

    /** The needs of the metas, {@code order} listing them so that the metas a meta reads come first. */
    static MetaNeeds of(CompiledRule[] compiled, List<Integer> order) {
        int[][][] anyOf = new int[compiled.length][][];
        int[][][] summands = new int[compiled.length][][];
        int[] atLeast = new int[compiled.length];
        boolean[] nonNegative = new boolean[compiled.length];
        boolean[] atMostOne = new boolean[compiled.length];
        for (CompiledRule rule : compiled) {
            if (rule != null && rule.meta == null) {
                atMostOne[rule.index] = rule.maxHits <= 1;
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
            atMostOne[index] = meta.meta.atMostOne(operand -> atMostOne(meta.metaOperands[operand], atMostOne));
            List<int[]> sets = meta.meta.necessaryOperands();
            if (!sets.isEmpty()) {
                anyOf[index] = sets.stream().map(set -> rules(set, meta)).toArray(int[][]::new);
            }
            Optional<CountedNeed> counted = meta.meta.countedNeed();
            if (counted.isPresent() && Arrays.stream(counted.get().summands()).flatMapToInt(Arrays::stream)
                .allMatch(operand -> atMostOne(meta.metaOperands[operand], atMostOne))) {
                summands[index] = Arrays.stream(counted.get().summands()).map(set -> rules(set, meta))
                    .toArray(int[][]::new);
                atLeast[index] = counted.get().atLeast();
            }
        }
        return new MetaNeeds(anyOf, summands, atLeast);
    }

    /** An unknown rule (-1) is 0, so at most 1. */
    private static boolean atMostOne(int rule, boolean[] atMostOne) {
        return rule < 0 || atMostOne[rule];
    }

    private static int[] rules(int[] operands, CompiledRule meta) {
        return Arrays.stream(operands).map(operand -> meta.metaOperands[operand]).toArray();
    }

    /** The rule sets of which one at least must not be 0 for the meta not to be; null when nothing is known. */
    int[][] anyOf(int meta) {
        return anyOf[meta];
    }

    /** The summands (rule sets) of which {@link #atLeast} must not be 0 for the meta not to be; null for none. */
    int[][] summands(int meta) {
        return summands[meta];
    }

    int atLeast(int meta) {
        return atLeast[meta];
    }
}
