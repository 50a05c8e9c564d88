package io.warren.selector;

/** Converts numeric literal text, already checked by the {@link Lexer}, to the value a selector computes with. */
final class NumericLiterals {
    private NumericLiterals() {
    }

    /**
     * The value of an exact numeric literal, read as Java reads an integer literal: decimal ({@code 57},
     * {@code 57L}), hexadecimal ({@code 0x1F}) or, after a leading zero, octal ({@code 035} is 29; {@code 0} and
     * {@code 00} are zero). The value is negated when a unary minus precedes it, so that
     * {@code -9223372036854775808} is in range.
     *
     * @throws NumberFormatException when the value does not fit in a {@code long}
     */
    static Long exact(String text, boolean negative) {
        String digits = text;
        char last = digits.charAt(digits.length() - 1);
        if (last == 'l' || last == 'L') {
            digits = digits.substring(0, digits.length() - 1);
        }
        if (digits.length() > 2 && (digits.charAt(1) == 'x' || digits.charAt(1) == 'X')) {
            return unsigned(digits.substring(2), 16, negative);
        }
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            return unsigned(digits.substring(1), 8, negative);
        }
        return Long.parseLong(negative ? "-" + digits : digits);
    }

    /** Like a Java hex or octal literal: up to 64 bits, the top bit being the sign. */
    private static Long unsigned(String digits, int radix, boolean negative) {
        long value = Long.parseUnsignedLong(digits, radix);
        return negative ? -value : value;
    }

    /**
     * The value of an approximate numeric literal ({@code 7E3}, {@code 7.}, {@code .5}, {@code 1.5F}); an
     * {@code F} suffix rounds to float precision first, as Java does.
     *
     * @throws NumberFormatException when the value is out of the range of its type
     */
    static Double approximate(String text, boolean negative) {
        char last = text.charAt(text.length() - 1);
        boolean isFloat = last == 'f' || last == 'F';
        double value = isFloat ? Float.parseFloat(text) : Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new NumberFormatException("out of range: " + text);
        }
        return negative ? -value : value;
    }
}
