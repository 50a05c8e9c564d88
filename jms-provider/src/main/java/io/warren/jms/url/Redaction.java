package io.warren.jms.url;

import java.util.regex.Pattern;

/**
 * Masks the passwords of a connection URL ({@code amqp://user:***@host}, {@code password=***},
 * {@code trustStorePassword=***}) so that it can be printed in a message or a log line.
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

    private Redaction() {
    }

    /** A URL the parser accepted, with its passwords masked. */
    static String parsed(String url) {
        String masked = PASSWORD_OPTION.matcher(url).replaceAll("$1" + MASK);
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
        String masked = PASSWORD_OPTION.matcher(text).replaceAll("$1" + MASK);
        // Without "://" (a mistyped "amqp:/user:pw@host") the user-info may start anywhere.
        return maskUserInfo(masked, Math.max(authorityStart(masked), 0), masked.lastIndexOf('@'));
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
