package io.warren.selector;

/** The kinds of token in the selector language. */
enum TokenType {
    IDENTIFIER,
    STRING,
    EXACT_NUMBER,
    APPROXIMATE_NUMBER,
    TRUE,
    FALSE,
    NULL,
    NOT,
    AND,
    OR,
    BETWEEN,
    LIKE,
    IN,
    IS,
    ESCAPE,
    EQUAL,
    NOT_EQUAL,
    LESS,
    LESS_OR_EQUAL,
    GREATER,
    GREATER_OR_EQUAL,
    PLUS,
    MINUS,
    STAR,
    SLASH,
    LEFT_PAREN,
    RIGHT_PAREN,
    COMMA,
    END
}
