package io.warren.selector;

/** A string, numeric ({@link Long} or {@link Double}) or boolean literal. */
record Literal(Object value) implements Expression {
    @Override
    public Object evaluate(EvaluationContext context) {
        return value;
    }
}
