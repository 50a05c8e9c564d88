package io.warren.selector;

import java.util.Objects;

/**
 * A parsed JMS message selector (Jakarta Messaging 3.1, section 3.8.1): parse once with {@link #parse}, then
 * call {@link #matches} for each message. Immutable and thread-safe.
 *
 * <p>The language is the SQL-92 subset the specification defines: string, exact ({@code 57}, {@code 57L}, {@code
 * 0x1F}, and octal after a leading zero as in Java: {@code 035} is 29) and approximate ({@code 7E3}, {@code 7.},
 * {@code .5}, {@code 1.5F}) literals, TRUE and FALSE; identifiers resolved by the {@link EvaluationContext};
 * unary {@code + -}, {@code * / + -}; {@code = <> < <= > >=}; [NOT] BETWEEN, [NOT] IN, [NOT] LIKE ... [ESCAPE
 * ...], IS [NOT] NULL; NOT, AND, OR with SQL's three-valued logic. Keywords are case-insensitive, identifiers
 * case-sensitive. Type errors the parser can see without a message are syntax errors: {@code TRUE = 0}, {@code
 * 'a' > 'b'}, {@code 'a' + 1 = 2}, {@code 1 LIKE 'x'}.
 *
 * <p>Evaluation never throws. A NULL (absent) operand makes a comparison, arithmetic, LIKE or IN UNKNOWN;
 * integral division by zero is NULL. Comparing values of different types (a string with a number, say) or
 * ordering strings or booleans is FALSE, as the specification says; a value of a type the context should not
 * return (see {@link EvaluationContext}) makes a comparison UNKNOWN. [NOT] IN and [NOT] LIKE are defined for
 * string values only, so a value of another type makes them UNKNOWN, as NULL does. Numbers compare after
 * promotion: integral types to {@code long}, as soon as one side is {@code float} or {@code double} both to
 * {@code double}.
 */
public final class Selector {
    private final String expression;
    private final Expression root;

    private Selector(String expression, Expression root) {
        this.expression = expression;
        this.root = root;
    }

    /**
     * Parses a selector.
     *
     * @param expression the selector text; callers treat {@code null} and blank as "no selector" before calling
     * @return the parsed selector, never {@code null}
     * @throws SelectorSyntaxException when the text is not a valid selector, including when it is blank
     */
    public static Selector parse(String expression) {
        Objects.requireNonNull(expression, "expression");
        return new Selector(expression, Parser.parse(expression));
    }

    /** Whether the message the context describes is selected: the selector evaluates to TRUE, not FALSE or UNKNOWN. */
    public boolean matches(EvaluationContext context) {
        return Boolean.TRUE.equals(root.evaluate(context));
    }

    /** The selector text as given to {@link #parse}. */
    public String expression() {
        return expression;
    }

    /** The selector text. */
    @Override
    public String toString() {
        return expression;
    }
}
