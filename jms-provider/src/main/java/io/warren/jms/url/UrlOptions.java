package io.warren.jms.url;

import io.warren.config.ByteSize;
import io.warren.jms.message.ObjectLimits;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.TreeSet;

/**
 * Reads and checks the options after a connection URL's {@code ?}: each is {@code NAME=VALUE}, known for the
 * scheme, given once and not empty, and a number, boolean or choice where one is expected. Every failure is an
 * {@link IllegalArgumentException} naming the option and the (masked) URL, saying what to write instead.
 * Stateless; any thread.
 */
final class UrlOptions {
    /** Client options: every URL has them; the factory's setters override them. */
    static final Set<String> CLIENT = Set.of("clientID", "prefetch", "trustedPackages", ObjectLimits.OPTION, "user",
            "password", "enableSharedClientID");
    /** Options that shape an in-JVM broker when it starts; a running broker must agree with them. */
    static final List<String> BROKER = List.of("dataDir", "persistent", "sync", "jmx", "paging", "pagingWatermark",
            "queuePagingThreshold", "pagingMaxDisk", "pageFileSize", "pagingReadAhead", "users", "usersFile");
    /** Options of an in-JVM connection besides those above. */
    static final Set<String> VM = Set.of("virtualHost");
    static final Set<String> AMQP = Set.of("heartbeat", "connectTimeout", "failover", "failoverTimeout");
    static final Set<String> TLS = Set.of("trustStore", "trustStorePassword", "trustStoreType", "keyStore",
            "keyStorePassword", "keyStoreType", "verifyHost");
    private static final Set<String> BOOLEANS = Set.of("persistent", "jmx", "paging", "verifyHost", "failover",
            "enableSharedClientID");
    private static final Set<String> COUNTS = Set.of("heartbeat", "connectTimeout", "failoverTimeout");
    private static final Set<String> SYNC = Set.of("always", "batched", "never");
    /** Said when prefetch is 0: users of Artemis and ActiveMQ know 0 as "pull one message at a time". */
    static final String PREFETCH_HINT = " (a consumer holds up to that many messages ahead of the application;"
            + " prefetch=1 holds the fewest: Warren has no pull mode like Artemis's consumerWindowSize=0)";

    private UrlOptions() {
    }

    /** The options a URL of {@code scheme} may carry. */
    static Set<String> known(String scheme) {
        Set<String> known = new TreeSet<>(CLIENT);
        if (scheme.equals("vm")) {
            known.addAll(BROKER);
            known.addAll(VM);
        } else {
            known.addAll(AMQP);
            if (scheme.equals("amqps")) {
                known.addAll(TLS);
            }
        }
        return known;
    }

    /** Splits and decodes {@code query}, then checks every value. */
    static Map<String, String> parse(String url, String scheme, String query) {
        Map<String, String> options = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return options;
        }
        Set<String> known = known(scheme);
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue; // "?a=1&" or "?a=1&&b=2": a stray separator says nothing
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("invalid option" + quoted(url, pair) + " in connection URL '"
                        + Redaction.unparsed(url) + "': expected NAME=VALUE, options separated by '&'");
            }
            String key = pair.substring(0, eq);
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown option" + quoted(url, key) + " in connection URL '"
                        + Redaction.unparsed(url) + "': known options are " + known);
            }
            String value = decode(url, "option " + key, pair.substring(eq + 1));
            if (value.isBlank()) {
                throw new IllegalArgumentException("option " + key + " in connection URL '" + Redaction.unparsed(url)
                        + "' is empty: give it a value, or leave it out for its default");
            }
            if (options.put(key, value) != null) {
                throw new IllegalArgumentException("option " + key + " is given twice in connection URL '"
                        + Redaction.unparsed(url) + "': keep one");
            }
        }
        check(url, options);
        return options;
    }

    private static void check(String url, Map<String, String> options) {
        for (Map.Entry<String, String> e : options.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            if (BOOLEANS.contains(key) && !value.equals("true") && !value.equals("false")) {
                throw invalid(url, key, value, "must be true or false");
            }
            if (COUNTS.contains(key)) {
                wholeNumber(url, key, value, 0);
            }
        }
        String prefetch = options.get("prefetch");
        if (prefetch != null) {
            wholeNumber(url, "prefetch", prefetch, 1);
        }
        checkPaging(url, options);
        String trusted = options.get("trustedPackages");
        if (trusted != null && Arrays.stream(trusted.split(",", -1)).anyMatch(String::isBlank)) {
            throw invalid(url, "trustedPackages", trusted, "has an empty package name: expected a.b,c.d");
        }
        checkWith(url, options.get(ObjectLimits.OPTION), ObjectLimits::fromOption);
        checkWith(url, options.get("users"), InlineUsers::parse);
        String sync = options.get("sync");
        if (sync != null && !SYNC.contains(sync.toLowerCase(Locale.ROOT))) {
            throw invalid(url, "sync", sync, "must be always, batched or never");
        }
        if ("true".equals(options.get("persistent")) && !options.containsKey("dataDir")) {
            throw invalid(url, "persistent", "true", "needs dataDir=PATH: Warren has no default data directory, and"
                    + " without one the broker keeps its state in memory");
        }
    }

    /**
     * The paging options, in the ranges {@code BrokerConfig.Builder} accepts, so that a bad one fails when the
     * factory is made rather than when the first connection starts the broker.
     */
    private static void checkPaging(String url, Map<String, String> options) {
        String watermark = options.get("pagingWatermark");
        if (watermark != null) {
            fraction(url, "pagingWatermark", watermark);
        }
        size(url, "queuePagingThreshold", options.get("queuePagingThreshold"), 0, Long.MAX_VALUE);
        size(url, "pagingMaxDisk", options.get("pagingMaxDisk"), 0, Long.MAX_VALUE);
        size(url, "pageFileSize", options.get("pageFileSize"), 1024, Integer.MAX_VALUE);
        String readAhead = options.get("pagingReadAhead");
        if (readAhead != null) {
            wholeNumber(url, "pagingReadAhead", readAhead, 1);
        }
    }

    private static void fraction(String url, String key, String value) {
        try {
            double d = Double.parseDouble(value.strip());
            if (d > 0 && d <= 1) {
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(url, key, value, "must be a fraction of the broker's memory limit, above 0 and at most 1"
                + " (e.g. 0.5)");
    }

    /** A size in {@code min..max} bytes, with the units of {@link ByteSize}; null (not given) passes. */
    private static void size(String url, String key, String value, long min, long max) {
        if (value == null) {
            return;
        }
        try {
            long n = ByteSize.parse(value);
            if (n >= min && n <= max) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the range
        }
        throw invalid(url, key, value, "must be a size of " + min + ".." + max + " bytes, optionally with a unit"
                + " (e.g. 16MiB, 16M, 16MB; KiB, MiB, GiB and k, M, G are powers of 1024, kB, MB, GB of 1000)");
    }

    private static int wholeNumber(String url, String key, String value, int min) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(url, key, value, "must be a whole number of at least " + min
                + (key.equals("prefetch") ? PREFETCH_HINT : ""));
    }

    private static IllegalArgumentException invalid(String url, String key, String value, String rule) {
        String shown = Redaction.isSecret(key) ? Redaction.MASK : value;
        return new IllegalArgumentException("option " + key + " in connection URL '" + Redaction.unparsed(url) + "' "
                + rule + ", was '" + shown + "'");
    }

    /** Percent-decodes a value, failing with the option's name rather than the decoder's message. */
    static String decode(String url, String what, String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " in connection URL '" + Redaction.unparsed(url) + "' has a"
                    + " malformed %-escape: write '%' itself as %25");
        }
    }

    /** {@code " 'piece'"} when the piece is visible in the masked URL anyway, otherwise nothing. */
    static String quoted(String url, String piece) {
        return Redaction.shows(url, piece) ? " '" + piece + "'" : "";
    }

    /** Checks a value with its own parser, whose message gets the (masked) URL added; null is not checked. */
    private static void checkWith(String url, String value, Consumer<String> parser) {
        if (value == null) {
            return;
        }
        try {
            parser.accept(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (connection URL '" + Redaction.unparsed(url) + "')",
                    e);
        }
    }
}
