package io.warren.jms.url;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the passwords of a connection URL ({@code amqp://user:***@host}, {@code password=***},
 * {@code trustStorePassword=***}, and those of a {@code vm://} URL's inline users, {@code users=alice:***;bob:***})
 * so that it can be printed in a message or a log line.
 *
 * <p>Two strengths. {@link #parsed} masks a URL that {@link ConnectionUrl#parse} accepted, whose user-info is known
 * to end at the last {@code '@'} before the query. {@link #unparsed} is for text that may not be a valid URL at
 * all, for instance one whose password holds an unencoded {@code '/'} or {@code '?'}, or whose {@code "://"} is
 * mistyped: it masks everything between the first {@code ':'} after the scheme (or the first at all) and the last
 * {@code '@'}, which may hide more than the password (a port, an option) but never less. Stateless; any thread.
 */
final class Redaction {
    static final String MASK = "***";
    /** An option whose name ends in "password", up to the next option. */
    private static final Pattern PASSWORD_OPTION = Pattern.compile("(?i)(password=)[^&]*");
    /** The {@code users} option, up to the next option. */
    private static final Pattern USERS_OPTION = Pattern.compile("(?i)(?<=[?&]|^)(users=)([^&]*)");
    /** One entry of it, its separators possibly percent-encoded: the name up to ':', the password after it. */
    private static final Pattern USERS_ENTRY = Pattern.compile("(?i)(.*?)(:|%3A)(.*)");
    private static final Pattern USERS_SEPARATOR = Pattern.compile("(?i)(;|%3B)");

    private Redaction() {
    }

    /** A URL the parser accepted, with its passwords masked. */
    static String parsed(String url) {
        String masked = maskOptions(url);
        int start = authorityStart(masked);
        if (start < 0) {
            return masked;
        }
        int query = masked.indexOf('?', start);
        int at = masked.lastIndexOf('@', query < 0 ? masked.length() : query);
        return maskUserInfo(masked, start, at);
    }

    /** Any text that may be a URL, with whatever could be a password masked. */
    static String unparsed(String text) {
        if (text == null) {
            return null;
        }
        String masked = maskOptions(text);
        // Without "://" (a mistyped "amqp:/user:pw@host") the user-info may start anywhere.
        return maskUserInfo(masked, Math.max(authorityStart(masked), 0), masked.lastIndexOf('@'));
    }

    /** Whether an option's value is secret, shown as {@value #MASK}: any password, and the inline users. */
    static boolean isSecret(String option) {
        String lower = option.toLowerCase(Locale.ROOT);
        return lower.endsWith("password") || lower.equals("users");
    }

    private static String maskOptions(String text) {
        String masked = PASSWORD_OPTION.matcher(text).replaceAll("$1" + MASK);
        return USERS_OPTION.matcher(masked)
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + maskUsers(m.group(2))));
    }

    /** {@code a:pw1;b:pw2} as {@code a:***;b:***}; an entry without ':' might be a password and is masked whole. */
    private static String maskUsers(String value) {
        StringBuilder out = new StringBuilder();
        Matcher separators = USERS_SEPARATOR.matcher(value);
        int from = 0;
        while (true) {
            boolean more = separators.find();
            String entry = value.substring(from, more ? separators.start() : value.length());
            Matcher parts = USERS_ENTRY.matcher(entry);
            if (!entry.isEmpty()) {
                out.append(parts.matches() ? parts.group(1) + parts.group(2) + MASK : MASK);
            }
            if (!more) {
                return out.toString();
            }
            out.append(separators.group());
            from = separators.end();
        }
    }

    /** Whether {@code piece} of {@code url} may be printed: it is visible in the URL's masked form. */
    static boolean shows(String url, String piece) {
        return unparsed(url).contains(piece);
    }

    private static int authorityStart(String url) {
        int scheme = url.indexOf("://");
        return scheme < 0 ? -1 : scheme + 3;
    }

    private static String maskUserInfo(String url, int start, int at) {
        if (at < start) {
            return url;
        }
        int colon = url.indexOf(':', start);
        if (colon < 0 || colon > at) {
            return url;
        }
        return url.substring(0, colon + 1) + MASK + url.substring(at);
    }
}
