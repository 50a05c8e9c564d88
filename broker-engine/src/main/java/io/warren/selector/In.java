package io.warren.selector;

import java.util.Set;

/**
 * {@code value [NOT] IN ('a', 'b', ...)}. The specification makes IN a "comparison operator where identifier has
 * a String or NULL value", so a value that is not a string is outside its domain: like NULL it gives UNKNOWN,
 * and NOT IN does not select it either.
 */
record In(Expression value, Set<String> strings, boolean negated) implements Expression {
    In {
        strings = Set.copyOf(strings);
    }

    @Override
    public Object evaluate(EvaluationContext context) {
        if (!(value.evaluate(context) instanceof String s)) {
            return null;
        }
        return Values.truth(strings.contains(s) != negated);
    }
}
