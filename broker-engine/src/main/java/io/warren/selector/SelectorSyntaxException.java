package io.warren.selector;

/**
 * A message selector does not parse. The message quotes the selector and says what is wrong and where, for
 * example {@code invalid selector "a = = 1": unexpected '=' at position 4; expected an identifier, a literal
 * or '('}; {@link #position()} and {@link #token()} give the same facts to code.
 */
public class SelectorSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The {@link #token()} reported when the selector ends where more was expected. */
    public static final String END_OF_INPUT = "<end of input>";

    private final int position;
    private final String token;

    /**
     * @param expression the selector as the application wrote it
     * @param position   0-based character offset of the offending token in {@code expression}
     * @param token      the offending token's text, or {@link #END_OF_INPUT}
     * @param problem    what is wrong, naming the token and position, e.g. {@code unexpected '=' at position 4}
     */
    public SelectorSyntaxException(String expression, int position, String token, String problem) {
        super("invalid selector \"" + expression + "\": " + problem);
        this.position = position;
        this.token = token;
    }

    /** The 0-based character offset of the offending token in the selector. */
    public int position() {
        return position;
    }

    /** The offending token's text as written (a string literal keeps its quotes), or {@link #END_OF_INPUT}. */
    public String token() {
        return token;
    }
}
