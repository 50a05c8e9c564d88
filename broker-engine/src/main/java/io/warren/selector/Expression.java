package io.warren.selector;

/**
 * A node of a parsed selector. Nodes are immutable, so one tree serves any number of threads.
 */
sealed interface Expression
        permits Literal, Identifier, Sign, Arithmetic, Comparison, Between, Like, In, IsNull, Not, And, Or {

    /**
     * The node's value for one message: a {@link Boolean}, a number, a {@link String}, a value of unknown type
     * straight from the context, or {@code null} for NULL (of a value) or UNKNOWN (of a condition). Never throws.
     */
    Object evaluate(EvaluationContext context);
}
