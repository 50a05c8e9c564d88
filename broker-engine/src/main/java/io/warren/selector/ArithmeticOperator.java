package io.warren.selector;

/** The binary arithmetic operators, with Java numeric promotion: integral to long, anything else to double. */
enum ArithmeticOperator {
    ADD, SUBTRACT, MULTIPLY, DIVIDE;

    /** The result, or {@code null} (NULL) when an operand is not a number or an integral division is by zero. */
    Object apply(Object left, Object right) {
        if (Values.isIntegral(left) && Values.isIntegral(right)) {
            long a = ((Number) left).longValue();
            long b = ((Number) right).longValue();
            if (this == DIVIDE && b == 0) {
                return null;
            }
            return switch (this) {
                case ADD -> a + b;
                case SUBTRACT -> a - b;
                case MULTIPLY -> a * b;
                case DIVIDE -> a / b;
            };
        }
        if (Values.isNumeric(left) && Values.isNumeric(right)) {
            double a = ((Number) left).doubleValue();
            double b = ((Number) right).doubleValue();
            return switch (this) {
                case ADD -> a + b;
                case SUBTRACT -> a - b;
                case MULTIPLY -> a * b;
                case DIVIDE -> a / b;
            };
        }
        return null;
    }
}
