package org.cleanmail.core.rules.meta;

/** Binary operators of meta expressions, with Perl's precedence (higher binds tighter). */
enum MetaOperator {
    OR("||", 1),
    AND("&&", 2),
    XOR("^", 3),
    EQ("==", 4),
    NE("!=", 4),
    LT("<", 5),
    LE("<=", 5),
    GT(">", 5),
    GE(">=", 5),
    PLUS("+", 6),
    MINUS("-", 6),
    TIMES("*", 7),
    DIVIDE("/", 7);

    static final int LOWEST = 1;
    static final int HIGHEST = 7;

    private final String symbol;
    private final int precedence;

    MetaOperator(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    String symbol() {
        return symbol;
    }

    int precedence() {
        return precedence;
    }

    /** Applies a non short-circuit operator. */
    double apply(double l, double r) {
        switch (this) {
            case XOR:
                return (long) l ^ (long) r;
            case EQ:
                return truth(l == r);
            case NE:
                return truth(l != r);
            case LT:
                return truth(l < r);
            case LE:
                return truth(l <= r);
            case GT:
                return truth(l > r);
            case GE:
                return truth(l >= r);
            case PLUS:
                return l + r;
            case MINUS:
                return l - r;
            case TIMES:
                return l * r;
            case DIVIDE:
                return r == 0 ? 0 : l / r;
            default:
                throw new IllegalStateException(symbol + " short-circuits and is evaluated by its node");
        }
    }

    private static double truth(boolean value) {
        return value ? 1 : 0;
    }
}
