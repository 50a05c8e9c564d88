package io.warren.selector;

/** {@code value IS [NOT] NULL}: never UNKNOWN. */
record IsNull(Expression value, boolean negated) implements Expression {
    @Override
    public Object evaluate(EvaluationContext context) {
        return Values.truth((value.evaluate(context) == null) != negated);
    }
}
