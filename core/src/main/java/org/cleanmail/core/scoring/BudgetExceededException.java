package org.cleanmail.core.scoring;

/** Thrown out of a regular expression that read more characters than its budget; no stack trace. */
final class BudgetExceededException extends RuntimeException {
    static final BudgetExceededException INSTANCE = new BudgetExceededException();
    private static final long serialVersionUID = 1L;

    private BudgetExceededException() {
        super("rule work budget exceeded", null, false, false);
    }
}
