package io.warren.selector;

/**
 * One token of a selector.
 *
 * @param type     what kind of token
 * @param text     the token exactly as written ({@link SelectorSyntaxException#END_OF_INPUT} for {@link TokenType#END})
 * @param position 0-based offset of the token's first character
 * @param value    the unescaped content of a string literal; {@code null} for other tokens
 */
record Token(TokenType type, String text, int position, String value) {

    /** The offset just past the token. */
    int end() {
        return type == TokenType.END ? position : position + text.length();
    }

    /** The token as an error message shows it: quoted, and a string literal keeps its own quotes. */
    String quoted() {
        return Lexer.quote(text);
    }
}
