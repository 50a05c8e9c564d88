package io.warren.selector;

/**
 * The selector's runtime type rules. Values are those an {@link EvaluationContext} returns plus {@link Long} and
 * {@link Double} results of arithmetic; {@code null} is SQL NULL for values and UNKNOWN for conditions.
 */
final class Values {
    /**
     * The result of comparing values of different types, and of ordering strings or booleans. The specification
     * (3.8.1.2) says "If the comparison of non-like type values is attempted, the value of the operation is
     * false", so {@code NOT (a = 'x')} is TRUE when {@code a} is a number. Change this to {@code null} to make
     * such comparisons UNKNOWN instead.
     */
    static final Boolean NON_LIKE_TYPES = Boolean.FALSE;

    private Values() {
    }

    static boolean isIntegral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    static boolean isFloating(Object value) {
        return value instanceof Double || value instanceof Float;
    }

    static boolean isNumeric(Object value) {
        return isIntegral(value) || isFloating(value);
    }

    /** Whether the value has one of the types a message property can have; other values are of unknown type. */
    static boolean isSupported(Object value) {
        return value instanceof String || value instanceof Boolean || isNumeric(value);
    }

    /** A value used as a condition: TRUE or FALSE for a boolean, UNKNOWN ({@code null}) for anything else. */
    static Boolean condition(Object value) {
        return value instanceof Boolean b ? b : null;
    }

    static Boolean truth(boolean value) {
        return value ? Boolean.TRUE : Boolean.FALSE;
    }

    static Boolean not(Boolean value) {
        return value == null ? null : truth(!value);
    }

    static Boolean and(Boolean left, Boolean right) {
        if (Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right)) {
            return Boolean.FALSE;
        }
        return left == null || right == null ? null : Boolean.TRUE;
    }

    static Boolean or(Boolean left, Boolean right) {
        if (Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right)) {
            return Boolean.TRUE;
        }
        return left == null || right == null ? null : Boolean.FALSE;
    }
}
