package io.warren.selector;

/** {@code NOT condition}: NOT UNKNOWN is UNKNOWN. */
record Not(Expression operand) implements Expression {
    @Override
    public Object evaluate(EvaluationContext context) {
        return Values.not(Values.condition(operand.evaluate(context)));
    }
}
