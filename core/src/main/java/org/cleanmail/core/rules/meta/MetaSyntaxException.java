package org.cleanmail.core.rules.meta;

/** A meta expression that cannot be parsed; the message says where and why. */
public final class MetaSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int position;

    MetaSyntaxException(String reason, int position) {
        super(reason + " at offset " + position);
        this.position = position;
    }

    /** Offset in the expression text where the problem was found. */
    public int position() {
        return position;
    }
}
