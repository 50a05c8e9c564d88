package io.warren.selector;

/** Unary {@code -} (or {@code +}) applied to a value that is not a literal; a non-number yields NULL. */
record Sign(Expression operand, boolean negative) implements Expression {
    @Override
    public Object evaluate(EvaluationContext context) {
        Object value = operand.evaluate(context);
        if (Values.isIntegral(value)) {
            long number = ((Number) value).longValue();
            return negative ? -number : number;
        }
        if (Values.isFloating(value)) {
            double number = ((Number) value).doubleValue();
            return negative ? -number : number;
        }
        return null;
    }
}
