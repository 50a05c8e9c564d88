package io.warren.selector;

/** {@code left op right} for one of {@code = <> < <= > >=}. */
record Comparison(ComparisonOperator operator, Expression left, Expression right) implements Expression {
    @Override
    public Object evaluate(EvaluationContext context) {
        return operator.compare(left.evaluate(context), right.evaluate(context));
    }
}
