package io.warren.jms.url;

import java.io.Serializable;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A parsed Warren connection URL: {@code vm://NAME[?option=value&...]}. {@code vm://NAME} connects to the in-JVM
 * broker called NAME, starting it on first use. Options:
 * <ul>
 *   <li>{@code persistent=false} keeps everything in memory (the default when no {@code dataDir} is given);</li>
 *   <li>{@code dataDir=PATH} stores durable state in an on-disk journal there;</li>
 *   <li>{@code sync=always|batched|never} how the journal syncs (default always);</li>
 *   <li>{@code virtualHost=NAME} (default {@code /});</li>
 *   <li>{@code clientID=ID}, {@code prefetch=N}, {@code trustedPackages=a.b,c.d}, {@code user}, {@code password}:
 *       client options, as the factory's setters.</li>
 * </ul>
 */
public record ConnectionUrl(String url, String brokerName, Map<String, String> options) implements Serializable {
    private static final Set<String> KNOWN = Set.of("persistent", "dataDir", "sync", "virtualHost", "clientID",
            "prefetch", "trustedPackages", "user", "password");

    public ConnectionUrl {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** Parses a URL; a malformed one fails with {@link IllegalArgumentException} naming the problem. */
    public static ConnectionUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("connection URL is empty: expected vm://NAME[?options]");
        }
        if (!url.startsWith("vm://")) {
            throw new IllegalArgumentException("unsupported connection URL '" + redact(url)
                    + "': only vm://NAME (an in-JVM broker) is available");
        }
        String rest = url.substring("vm://".length());
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        if (rest.isEmpty() || !rest.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("invalid broker name '" + rest + "' in connection URL '" + redact(url)
                    + "': use letters, digits, '.', '_' or '-'");
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("invalid option '" + pair + "' in connection URL '" + redact(url)
                            + "': expected NAME=VALUE");
                }
                String key = pair.substring(0, eq);
                if (!KNOWN.contains(key)) {
                    throw new IllegalArgumentException("unknown option '" + key + "' in connection URL '" + redact(url)
                            + "': known options are " + KNOWN);
                }
                options.put(key, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        ConnectionUrl parsed = new ConnectionUrl(url, rest, options);
        String sync = options.get("sync");
        if (sync != null && !Set.of("always", "batched", "never").contains(sync.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("option sync must be always, batched or never, was '" + sync + "'");
        }
        parsed.intOption("prefetch", 0);
        String persistent = options.get("persistent");
        if (persistent != null && !persistent.equals("true") && !persistent.equals("false")) {
            throw new IllegalArgumentException("option persistent must be true or false, was '" + persistent + "'");
        }
        return parsed;
    }

    /** The URL with any password value masked, for messages and logs. */
    public static String redact(String url) {
        return url == null ? null : url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    public String option(String name) {
        return options.get(name);
    }

    /** Whether the broker keeps durable state on disk. */
    public boolean persistent() {
        return !"false".equals(options.get("persistent")) && options.get("dataDir") != null;
    }

    public String dataDir() {
        return options.get("dataDir");
    }

    public String virtualHost() {
        return options.getOrDefault("virtualHost", "/");
    }

    /** Whether the URL names a broker in this JVM. */
    public boolean isVm() {
        return url.startsWith("vm://");
    }

    /** An integer option, or {@code absent}; a malformed or negative value fails. */
    public int intOption(String name, int absent) {
        String v = options.get(name);
        if (v == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + " must be a non-negative integer, was '" + v + "'");
        }
    }

    public List<String> listOption(String name) {
        String v = options.get(name);
        return v == null || v.isBlank() ? List.of() : List.of(v.split("\\s*,\\s*"));
    }

    @Override
    public String toString() {
        return redact(url);
    }
}
