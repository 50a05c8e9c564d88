package io.warren.selector;

/** A header or property name, resolved per message by the {@link EvaluationContext}. */
record Identifier(String name) implements Expression {
    @Override
    public Object evaluate(EvaluationContext context) {
        return context.identifier(name);
    }
}
