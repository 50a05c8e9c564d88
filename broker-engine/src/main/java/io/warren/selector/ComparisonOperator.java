package io.warren.selector;

/** The comparison operators {@code = <> < <= > >=}. */
enum ComparisonOperator {
    EQUAL, NOT_EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL;

    /**
     * Compares two values with the selector's rules: NULL or a value of unknown type on either side gives
     * UNKNOWN; numbers compare after promotion; strings and booleans compare only for (in)equality; anything else
     * gives {@link Values#NON_LIKE_TYPES}.
     */
    Boolean compare(Object left, Object right) {
        if (left == null || right == null || !Values.isSupported(left) || !Values.isSupported(right)) {
            return null;
        }
        if (Values.isIntegral(left) && Values.isIntegral(right)) {
            return Values.truth(test(((Number) left).longValue(), ((Number) right).longValue()));
        }
        if (Values.isNumeric(left) && Values.isNumeric(right)) {
            return Values.truth(test(((Number) left).doubleValue(), ((Number) right).doubleValue()));
        }
        if ((this == EQUAL || this == NOT_EQUAL) && left.getClass() == right.getClass()) {
            return Values.truth(left.equals(right) == (this == EQUAL));
        }
        return Values.NON_LIKE_TYPES;
    }

    private boolean test(long a, long b) {
        return switch (this) {
            case EQUAL -> a == b;
            case NOT_EQUAL -> a != b;
            case LESS -> a < b;
            case LESS_OR_EQUAL -> a <= b;
            case GREATER -> a > b;
            case GREATER_OR_EQUAL -> a >= b;
        };
    }

    // Primitive operators rather than Double.compare: NaN equals nothing and 0.0 equals -0.0, as in Java.
    private boolean test(double a, double b) {
        return switch (this) {
            case EQUAL -> a == b;
            case NOT_EQUAL -> a != b;
            case LESS -> a < b;
            case LESS_OR_EQUAL -> a <= b;
            case GREATER -> a > b;
            case GREATER_OR_EQUAL -> a >= b;
        };
    }
}
