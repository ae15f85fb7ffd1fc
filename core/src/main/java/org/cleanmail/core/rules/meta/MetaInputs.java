package org.cleanmail.core.rules.meta;

/**
 * The values a meta expression reads, by operand number ({@link MetaExpression#operands()}:
 * the rules it names, each numbered once), with a hint of which are cheap to read (already
 * known, or computed without running a costly regular expression). Given the hint,
 * {@link MetaExpression#evaluateOperands(MetaInputs)} reads the cheap operand of {@code A && B}
 * first and skips the costly one when the cheap one is 0: SpamAssassin's metas are mostly
 * written {@code __COSTLY_BODY_TEST && !__CHEAP_HEADER_TEST && ...}. The value is the same
 * in either order ({@code A && B} is 0 when either is 0, else {@code B}). Numbers instead of
 * names spare a scan a name lookup per operand read.
 */
public interface MetaInputs {
    /** The value of operand {@code operand}: the hit count of the rule {@code operands().get(operand)}. */
    double value(int operand);

    /**
     * Whether every one of the operands {@code operands[from..to)} can be read without running
     * a costly test (a {@link MetaProgram} hands its code and where the operands lie in it);
     * by default none is.
     */
    default boolean cheap(int[] operands, int from, int to) {
        return false;
    }

    /**
     * Whether the value of every one of the operands {@code operands[from..to)} is known
     * already (reading them runs nothing); by default not.
     */
    default boolean known(int[] operands, int from, int to) {
        return false;
    }

    /**
     * The greatest value operand {@code operand} can have (its value when known, 0 when it
     * cannot be other than 0), where every operand is known never to be negative; NaN when
     * not known, by default. A sum compared with a number ({@link SumThreshold}) reads its
     * terms known and cheap ones first and stops once the rest cannot change the outcome.
     */
    default double max(int operand) {
        return Double.NaN;
    }
}
