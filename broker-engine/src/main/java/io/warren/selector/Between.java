package io.warren.selector;

/**
 * {@code value [NOT] BETWEEN low AND high}, evaluated as the specification defines it: {@code value >= low AND
 * value <= high}, and for NOT BETWEEN {@code value < low OR value > high}.
 */
record Between(Expression value, Expression low, Expression high, boolean negated) implements Expression {
    @Override
    public Object evaluate(EvaluationContext context) {
        Object v = value.evaluate(context);
        Object lo = low.evaluate(context);
        Object hi = high.evaluate(context);
        if (negated) {
            return Values.or(ComparisonOperator.LESS.compare(v, lo), ComparisonOperator.GREATER.compare(v, hi));
        }
        return Values.and(ComparisonOperator.GREATER_OR_EQUAL.compare(v, lo),
                ComparisonOperator.LESS_OR_EQUAL.compare(v, hi));
    }
}
