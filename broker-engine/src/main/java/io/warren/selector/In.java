package io.warren.selector;

import java.util.Set;

/**
 * {@code value [NOT] IN ('a', 'b', ...)}, which the specification defines as {@code [NOT] (value = 'a' OR value
 * = 'b' ...)}: NULL gives UNKNOWN and a value that is not a string equals none of the strings.
 */
record In(Expression value, Set<String> strings, boolean negated) implements Expression {
    In {
        strings = Set.copyOf(strings);
    }

    @Override
    public Object evaluate(EvaluationContext context) {
        Object v = value.evaluate(context);
        if (v == null || !Values.isSupported(v)) {
            return null;
        }
        Boolean contained = v instanceof String s ? Values.truth(strings.contains(s)) : Values.NON_LIKE_TYPES;
        return negated ? Values.not(contained) : contained;
    }
}
