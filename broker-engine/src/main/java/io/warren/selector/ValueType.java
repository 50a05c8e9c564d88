package io.warren.selector;

/** What the parser knows about the type an expression evaluates to, used to reject ill-typed selectors. */
enum ValueType {
    /** A condition: a comparison, a logical operator or a boolean literal. */
    BOOLEAN("boolean expression"),
    /** A numeric literal or arithmetic. */
    NUMERIC("numeric expression"),
    /** A string literal. */
    STRING("string"),
    /** An identifier: its type is known only per message. */
    ANY("identifier");

    private final String description;

    ValueType(String description) {
        this.description = description;
    }

    /** Whether an expression of this type may stand where one of {@code required} is needed. */
    boolean fits(ValueType required) {
        return this == required || this == ANY;
    }

    String description() {
        return description;
    }
}
