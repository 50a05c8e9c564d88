package io.warren.server.config;

import io.warren.config.ByteSize;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the value forms the configuration keys share. Each method fails with an
 * {@link IllegalArgumentException} whose message says what was expected and what was given; the caller adds
 * where and which key. Stateless.
 */
final class Values {

    private Values() {
    }

    static boolean bool(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false, got '" + text + "'");
        };
    }

    static int intIn(String text, int min, int max, String what) {
        return (int) longIn(text, min, max, what);
    }

    static long longIn(String text, long min, long max, String what) {
        String value = text.strip();
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the expected range
        }
        throw new IllegalArgumentException("expected " + what + " " + min + ".." + max + ", got '" + text + "'");
    }

    static long bytesIn(String text, long min, long max) {
        long n = ByteSize.parse(text);
        if (n < min || n > max) {
            throw new IllegalArgumentException("expected a size of " + min + ".." + max + " bytes, got '" + text + "'");
        }
        return n;
    }

    /** A fraction above 0 and at most 1; {@code ofWhat} says of what, e.g. {@code the maximum heap}. */
    static double fraction(String text, String ofWhat) {
        try {
            double d = Double.parseDouble(text.strip());
            if (d > 0 && d <= 1) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected a fraction of " + ofWhat + ", above 0 and at most 1 "
                + "(e.g. 0.4), got '" + text + "'");
    }

    static String nonEmpty(String text, String what) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("expected " + what + ", got nothing");
        }
        return text.strip();
    }

    /** A comma-separated list of tags; empty means none. */
    static Set<String> tags(String text) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : text.split(",")) {
            String t = tag.strip();
            if (!t.isEmpty()) {
                if (!t.matches("[A-Za-z0-9_.-]+")) {
                    throw new IllegalArgumentException("expected comma-separated tags of letters, digits, '_', "
                            + "'.', '-' (e.g. administrator,management), got '" + text + "'");
                }
                tags.add(t);
            }
        }
        return tags;
    }

    /**
     * Three whitespace-separated permission expressions (configure, write, read). A word may be quoted with
     * {@code '...'} or {@code "..."} to be empty ({@code ''} allows nothing) or to contain spaces.
     */
    static List<String> permissionTriple(String text) {
        List<String> words = words(text);
        if (words.size() != 3) {
            throw new IllegalArgumentException("expected three regular expressions <configure> <write> <read> "
                    + "separated by spaces, '' for an empty one (e.g. .* .* .* or '' amq\\.topic .*), got "
                    + words.size() + " in '" + text + "'");
        }
        return words;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                if (c == '\'' || c == '"') {
                    quote = c;
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed quote " + quote + " in '" + text + "'");
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
