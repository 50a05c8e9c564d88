package io.warren.selector;

/**
 * {@code value [NOT] LIKE 'pattern' [ESCAPE 'c']}. NULL gives UNKNOWN; a value that is not a string does not
 * match (the comparison of non-like types), so NOT LIKE is then its negation.
 */
record Like(Expression value, LikePattern pattern, boolean negated) implements Expression {
    @Override
    public Object evaluate(EvaluationContext context) {
        Object v = value.evaluate(context);
        if (v == null || !Values.isSupported(v)) {
            return null;
        }
        Boolean matches = v instanceof String s ? Values.truth(pattern.matches(s)) : Values.NON_LIKE_TYPES;
        return negated ? Values.not(matches) : matches;
    }
}
