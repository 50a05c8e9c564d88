package io.warren.selector;

import java.util.Arrays;

/**
 * A compiled LIKE pattern: {@code _} matches any one character, {@code %} any sequence of characters, and the
 * escape character makes the character after it literal. Characters are Unicode code points. Immutable.
 */
final class LikePattern {
    private static final int ANY_CHARACTER = -1;
    private static final int ANY_SEQUENCE = -2;

    /** Code points to match literally, or one of the negative wildcard markers. */
    private final int[] elements;

    private LikePattern(int[] elements) {
        this.elements = elements;
    }

    /**
     * @param escape the escape code point, or -1 for none
     * @throws IllegalArgumentException when the pattern ends with the escape character
     */
    static LikePattern compile(String pattern, int escape) {
        int[] elements = new int[pattern.length()];
        int count = 0;
        int i = 0;
        while (i < pattern.length()) {
            int codePoint = pattern.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint == escape) {
                if (i >= pattern.length()) {
                    throw new IllegalArgumentException("the pattern ends with the escape character");
                }
                codePoint = pattern.codePointAt(i);
                i += Character.charCount(codePoint);
                elements[count++] = codePoint;
            } else if (codePoint == '%') {
                if (count == 0 || elements[count - 1] != ANY_SEQUENCE) {
                    elements[count++] = ANY_SEQUENCE;
                }
            } else if (codePoint == '_') {
                elements[count++] = ANY_CHARACTER;
            } else {
                elements[count++] = codePoint;
            }
        }
        return new LikePattern(Arrays.copyOf(elements, count));
    }

    /** Whether the whole of {@code value} matches; linear backtracking to the last {@code %}, no allocation. */
    boolean matches(String value) {
        int v = 0;
        int p = 0;
        int sequenceAt = -1;
        int resumeAt = 0;
        while (v < value.length()) {
            int codePoint = value.codePointAt(v);
            boolean inPattern = p < elements.length;
            if (inPattern && (elements[p] == ANY_CHARACTER || elements[p] == codePoint)) {
                v += Character.charCount(codePoint);
                p++;
            } else if (inPattern && elements[p] == ANY_SEQUENCE) {
                sequenceAt = p++;
                resumeAt = v;
            } else if (sequenceAt >= 0) {
                // Let the last % swallow one more character and retry the rest of the pattern from there.
                resumeAt += Character.charCount(value.codePointAt(resumeAt));
                v = resumeAt;
                p = sequenceAt + 1;
            } else {
                return false;
            }
        }
        while (p < elements.length && elements[p] == ANY_SEQUENCE) {
            p++;
        }
        return p == elements.length;
    }
}
