package org.cleanmail.core.scoring;

/**
 * A text that counts the characters a regular expression reads from it and stops the
 * match, with {@link BudgetExceededException}, once the budget is spent: the bound on
 * catastrophic backtracking. One instance per scan and thread; not thread-safe.
 */
final class BudgetedText implements CharSequence {
    private String text = "";
    private long left;

    /** Points at a new text; the budget left carries over. */
    BudgetedText text(String newText) {
        this.text = newText;
        return this;
    }

    void budget(long budget) {
        this.left = budget;
    }

    long left() {
        return left;
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        if (--left < 0) {
            throw BudgetExceededException.INSTANCE;
        }
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
