package io.warren.selector;

import java.util.Locale;
import java.util.Map;

/**
 * Splits a selector into {@link Token}s on demand, so that the leftmost error is the one reported. Tokens are
 * the longest match, so {@code 1AND} is {@code 1} followed by {@code AND}.
 */
final class Lexer {
    private static final Map<String, TokenType> KEYWORDS = Map.ofEntries(
            Map.entry("NULL", TokenType.NULL),
            Map.entry("TRUE", TokenType.TRUE),
            Map.entry("FALSE", TokenType.FALSE),
            Map.entry("NOT", TokenType.NOT),
            Map.entry("AND", TokenType.AND),
            Map.entry("OR", TokenType.OR),
            Map.entry("BETWEEN", TokenType.BETWEEN),
            Map.entry("LIKE", TokenType.LIKE),
            Map.entry("IN", TokenType.IN),
            Map.entry("IS", TokenType.IS),
            Map.entry("ESCAPE", TokenType.ESCAPE));

    private final String source;
    private int position;

    Lexer(String source) {
        this.source = source;
    }

    /** Whether a token of this type is a reserved word. */
    static boolean isKeyword(TokenType type) {
        return KEYWORDS.containsValue(type);
    }

    /** Quotes text for an error message; text that is a string literal already carries its quotes. */
    static String quote(String text) {
        return text.startsWith("'") ? text : "'" + text + "'";
    }

    /** The next token; {@link TokenType#END} once the input is exhausted, however often it is called. */
    Token next() {
        while (position < source.length() && Character.isWhitespace(source.charAt(position))) {
            position++;
        }
        if (position >= source.length()) {
            return new Token(TokenType.END, SelectorSyntaxException.END_OF_INPUT, position, null);
        }
        char c = source.charAt(position);
        switch (c) {
            case '\'':
                return string();
            case '(':
                return symbol(TokenType.LEFT_PAREN, 1);
            case ')':
                return symbol(TokenType.RIGHT_PAREN, 1);
            case ',':
                return symbol(TokenType.COMMA, 1);
            case '+':
                return symbol(TokenType.PLUS, 1);
            case '-':
                return symbol(TokenType.MINUS, 1);
            case '*':
                return symbol(TokenType.STAR, 1);
            case '/':
                return symbol(TokenType.SLASH, 1);
            case '=':
                return symbol(TokenType.EQUAL, 1);
            case '<':
                if (peek(1) == '=') {
                    return symbol(TokenType.LESS_OR_EQUAL, 2);
                }
                return peek(1) == '>' ? symbol(TokenType.NOT_EQUAL, 2) : symbol(TokenType.LESS, 1);
            case '>':
                return peek(1) == '=' ? symbol(TokenType.GREATER_OR_EQUAL, 2) : symbol(TokenType.GREATER, 1);
            default:
                break;
        }
        if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
            return number();
        }
        int codePoint = source.codePointAt(position);
        if (Character.isJavaIdentifierStart(codePoint)) {
            return identifierOrKeyword();
        }
        String text = new String(Character.toChars(codePoint));
        throw new SelectorSyntaxException(source, position, text,
                "unexpected character " + quote(text) + " at position " + position);
    }

    private Token symbol(TokenType type, int length) {
        Token token = new Token(type, source.substring(position, position + length), position, null);
        position += length;
        return token;
    }

    private Token string() {
        int start = position;
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\'') {
                if (peekAt(i + 1) != '\'') {
                    position = i + 1;
                    return new Token(TokenType.STRING, source.substring(start, position), start, value.toString());
                }
                i++;
            }
            value.append(c);
            i++;
        }
        String text = source.substring(start);
        throw new SelectorSyntaxException(source, start, text,
                "unterminated string literal " + text + " at position " + start + "; expected a closing '");
    }

    private Token number() {
        int start = position;
        boolean approximate = false;
        if (source.charAt(position) == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
            position += 2;
            int digits = position;
            while (position < source.length() && Character.digit(source.charAt(position), 16) >= 0) {
                position++;
            }
            if (position == digits) {
                return malformedNumber(start);
            }
            skipOne('l', 'L');
        } else {
            skipDigits();
            if (peek(0) == '.') {
                approximate = true;
                position++;
                skipDigits();
            }
            if (peek(0) == 'e' || peek(0) == 'E') {
                approximate = true;
                position++;
                skipOne('+', '-');
                int digits = position;
                skipDigits();
                if (position == digits) {
                    return malformedNumber(start);
                }
            }
            if (skipOne('f', 'F') || skipOne('d', 'D')) {
                approximate = true;
            } else if (!approximate) {
                skipOne('l', 'L');
                checkOctal(start);
            }
        }
        TokenType type = approximate ? TokenType.APPROXIMATE_NUMBER : TokenType.EXACT_NUMBER;
        return new Token(type, source.substring(start, position), start, null);
    }

    /** Reports {@code 0x} without hex digits or an exponent without digits, e.g. {@code 0x} or {@code 1.5E+}. */
    private Token malformedNumber(int start) {
        int end = start;
        while (end < source.length()) {
            int codePoint = source.codePointAt(end);
            boolean sign = (codePoint == '+' || codePoint == '-')
                    && (source.charAt(end - 1) == 'e' || source.charAt(end - 1) == 'E');
            if (!Character.isJavaIdentifierPart(codePoint) && codePoint != '.' && !sign) {
                break;
            }
            end += Character.charCount(codePoint);
        }
        String text = source.substring(start, end);
        throw new SelectorSyntaxException(source, start, text,
                "malformed numeric literal " + quote(text) + " at position " + start);
    }

    /**
     * Rejects {@code 09}: an exact literal with a leading zero is octal, as in Java, while {@code 09.5} and
     * {@code 09e1} are decimal approximate literals and never get here.
     */
    private void checkOctal(int start) {
        if (source.charAt(start) != '0') {
            return;
        }
        for (int i = start + 1; i < position; i++) {
            if (source.charAt(i) == '8' || source.charAt(i) == '9') {
                String text = source.substring(start, position);
                throw new SelectorSyntaxException(source, start, text, "octal literal " + quote(text)
                        + " at position " + start + " has a digit 8 or 9 (a leading zero makes a literal octal)");
            }
        }
    }

    private Token identifierOrKeyword() {
        int start = position;
        boolean ascii = true;
        while (position < source.length()) {
            int codePoint = source.codePointAt(position);
            if (!Character.isJavaIdentifierPart(codePoint)) {
                break;
            }
            ascii &= codePoint < 128;
            position += Character.charCount(codePoint);
        }
        String text = source.substring(start, position);
        // Only ASCII words can be keywords: upper-casing e.g. the dotless i would otherwise turn "ın" into IN.
        TokenType keyword = ascii ? KEYWORDS.get(text.toUpperCase(Locale.ROOT)) : null;
        return new Token(keyword == null ? TokenType.IDENTIFIER : keyword, text, start, null);
    }

    private void skipDigits() {
        while (isDigit(peek(0))) {
            position++;
        }
    }

    private boolean skipOne(char lower, char upper) {
        char c = peek(0);
        if (c == lower || c == upper) {
            position++;
            return true;
        }
        return false;
    }

    private char peek(int ahead) {
        return peekAt(position + ahead);
    }

    private char peekAt(int index) {
        return index < source.length() ? source.charAt(index) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
