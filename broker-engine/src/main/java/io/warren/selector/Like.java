package io.warren.selector;

/**
 * {@code value [NOT] LIKE 'pattern' [ESCAPE 'c']}. The specification makes LIKE a "comparison operator, where
 * identifier has a String value", so NULL and a value that is not a string give UNKNOWN, and NOT LIKE does not
 * select them either.
 */
record Like(Expression value, LikePattern pattern, boolean negated) implements Expression {
    @Override
    public Object evaluate(EvaluationContext context) {
        if (!(value.evaluate(context) instanceof String s)) {
            return null;
        }
        return Values.truth(pattern.matches(s) != negated);
    }
}
