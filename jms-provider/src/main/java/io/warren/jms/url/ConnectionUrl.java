package io.warren.jms.url;

import io.warren.jms.message.ObjectLimits;
import java.io.Serializable;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A parsed Warren connection URL, one of:
 * <ul>
 *   <li>{@code vm://NAME[?options]}: the in-JVM broker called NAME, started on first use. Options
 *       {@code persistent=false}, {@code dataDir=PATH}, {@code sync=always|batched|never},
 *       {@code virtualHost=NAME} (default {@code /}), {@code jmx=true|false} (the broker's MBeans on the platform
 *       MBean server; default true);</li>
 *   <li>{@code amqp://[user[:password]@]host[:port][,host[:port]...][/vhost][?options]} and {@code amqps://...}:
 *       a broker speaking AMQP 0-9-1 (a Warren server, RabbitMQ), the hosts tried in order (failover); the vhost is
 *       URL-encoded ({@code %2F} for {@code /}; none means {@code /}); ports default to 5672 and 5671. Options
 *       {@code heartbeat=SECONDS}, {@code connectTimeout=MS}, {@code failover=true|false} (re-establish a lost
 *       connection; on by default with several hosts), {@code failoverTimeout=MS}, and for
 *       {@code amqps} {@code trustStore}, {@code trustStorePassword}, {@code trustStoreType}, {@code keyStore},
 *       {@code keyStorePassword}, {@code keyStoreType}, {@code verifyHost=true|false};</li>
 * </ul>
 * and for all of them {@code clientID=ID}, {@code prefetch=N}, {@code trustedPackages=a.b,c.d},
 * {@code objectLimits=maxdepth=N,...} ({@link ObjectLimits}), {@code user}, {@code password}: client options.
 *
 * @param brokerName the in-JVM broker's name ({@code vm}), or null
 * @param endpoints  the hosts to try in order ({@code amqp}, {@code amqps}); empty for {@code vm}
 * @param user       the user of the URL's user-info or {@code user} option, or null
 * @param password   the password of the URL's user-info or {@code password} option, or null
 */
public record ConnectionUrl(String url, String scheme, String brokerName, List<Endpoint> endpoints,
                            String virtualHost, String user, String password, Map<String, String> options)
        implements Serializable {
    private static final Set<String> CLIENT = Set.of("clientID", "prefetch", "trustedPackages", "objectLimits", "user",
            "password");
    private static final Set<String> VM = Set.of("persistent", "dataDir", "sync", "virtualHost", "jmx");
    private static final Set<String> AMQP = Set.of("heartbeat", "connectTimeout", "failover", "failoverTimeout");
    private static final Set<String> TLS = Set.of("trustStore", "trustStorePassword", "trustStoreType", "keyStore",
            "keyStorePassword", "keyStoreType", "verifyHost");
    private static final String EXPECTED = "expected vm://NAME[?options], amqp://[user:password@]host[:port]"
            + "[/vhost][?options] or amqps://...";

    /** A host and port of an AMQP broker. */
    public record Endpoint(String host, int port) implements Serializable {
        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    public ConnectionUrl {
        endpoints = List.copyOf(endpoints);
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** Parses a URL; a malformed one fails with {@link IllegalArgumentException} naming the problem. */
    public static ConnectionUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("connection URL is empty: " + EXPECTED);
        }
        int colon = url.indexOf("://");
        String scheme = colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("vm") && !scheme.equals("amqp") && !scheme.equals("amqps")) {
            throw new IllegalArgumentException("unsupported connection URL '" + redact(url) + "': " + EXPECTED);
        }
        String rest = url.substring(colon + 3);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        Set<String> known = new java.util.HashSet<>(CLIENT);
        if (scheme.equals("vm")) {
            known.addAll(VM);
        } else {
            known.addAll(AMQP);
            if (scheme.equals("amqps")) {
                known.addAll(TLS);
            }
        }
        Map<String, String> options = options(url, query, known);
        ConnectionUrl parsed = scheme.equals("vm") ? vm(url, rest, options) : amqp(url, scheme, rest, options);
        parsed.intOption("prefetch", 0);
        parsed.intOption("heartbeat", 0);
        parsed.intOption("connectTimeout", 0);
        parsed.intOption("failoverTimeout", 0);
        parsed.booleanOption("persistent", true);
        parsed.booleanOption("jmx", true);
        parsed.booleanOption("verifyHost", true);
        parsed.booleanOption("failover", true);
        ObjectLimits.fromOption(options.get(ObjectLimits.OPTION));
        String sync = options.get("sync");
        if (sync != null && !Set.of("always", "batched", "never").contains(sync.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("option sync must be always, batched or never, was '" + sync + "'");
        }
        return parsed;
    }

    private static Map<String, String> options(String url, String query, Set<String> known) {
        Map<String, String> options = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return options;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("invalid option '" + redactOption(pair) + "' in connection URL '"
                        + redact(url) + "': expected NAME=VALUE");
            }
            String key = pair.substring(0, eq);
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown option '" + key + "' in connection URL '" + redact(url)
                        + "': known options are " + new java.util.TreeSet<>(known));
            }
            options.put(key, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return options;
    }

    private static ConnectionUrl vm(String url, String rest, Map<String, String> options) {
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        if (rest.isEmpty() || !rest.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("invalid broker name '" + rest + "' in connection URL '" + redact(url)
                    + "': use letters, digits, '.', '_' or '-'");
        }
        return new ConnectionUrl(url, "vm", rest, List.of(), options.getOrDefault("virtualHost", "/"),
                options.get("user"), options.get("password"), options);
    }

    private static ConnectionUrl amqp(String url, String scheme, String rest, Map<String, String> options) {
        String vhost = "/";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            String path = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
            if (path.contains("/")) {
                throw new IllegalArgumentException("invalid virtual host '" + path + "' in connection URL '"
                        + redact(url) + "': encode '/' in a virtual host name as %2F");
            }
            if (!path.isEmpty()) {
                vhost = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            }
        }
        String user = options.get("user");
        String password = options.get("password");
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int c = userInfo.indexOf(':');
            user = decode(c < 0 ? userInfo : userInfo.substring(0, c));
            password = c < 0 ? password : decode(userInfo.substring(c + 1));
        }
        int defaultPort = scheme.equals("amqps") ? 5671 : 5672;
        List<Endpoint> endpoints = new ArrayList<>();
        for (String hostPort : rest.split(",", -1)) {
            endpoints.add(endpoint(url, hostPort.strip(), defaultPort));
        }
        return new ConnectionUrl(url, scheme, null, endpoints, vhost, user, password, options);
    }

    private static Endpoint endpoint(String url, String hostPort, int defaultPort) {
        String host = hostPort;
        String port = null;
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            if (end < 0) {
                throw new IllegalArgumentException("invalid host '" + hostPort + "' in connection URL '" + redact(url)
                        + "': an IPv6 address needs a closing ']'");
            }
            host = hostPort.substring(1, end);
            String after = hostPort.substring(end + 1);
            if (after.startsWith(":")) {
                port = after.substring(1);
            } else if (!after.isEmpty()) {
                throw new IllegalArgumentException("invalid host '" + hostPort + "' in connection URL '"
                        + redact(url) + "'");
            }
        } else {
            int c = hostPort.lastIndexOf(':');
            if (c >= 0) {
                host = hostPort.substring(0, c);
                port = hostPort.substring(c + 1);
            }
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9._:%-]+")) {
            throw new IllegalArgumentException("invalid host '" + hostPort + "' in connection URL '" + redact(url)
                    + "': expected host[:port], several separated by ','");
        }
        int p = defaultPort;
        if (port != null) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                p = -1;
            }
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("invalid port '" + port + "' in connection URL '" + redact(url)
                        + "': expected 1 to 65535");
            }
        }
        return new Endpoint(host, p);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The URL with any password (option or user-info) masked, for messages and logs. */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        String masked = url.replaceAll("(?i)(password=)[^&]*", "$1***");
        return masked.replaceAll("^([A-Za-z]+://[^/@:?]*:)[^@/?]*@", "$1***@");
    }

    private static String redactOption(String pair) {
        return pair.toLowerCase(Locale.ROOT).startsWith("password") ? "password=***" : pair;
    }

    public String option(String name) {
        return options.get(name);
    }

    /** Whether the URL names a broker in this JVM. */
    public boolean isVm() {
        return scheme.equals("vm");
    }

    /** Whether the URL names an AMQP broker over TLS. */
    public boolean isTls() {
        return scheme.equals("amqps");
    }

    /** Whether the in-JVM broker keeps durable state on disk. */
    public boolean persistent() {
        return !"false".equals(options.get("persistent")) && options.get("dataDir") != null;
    }

    public String dataDir() {
        return options.get("dataDir");
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

    /** A boolean option ({@code true} or {@code false}), or {@code absent}. */
    public boolean booleanOption(String name, boolean absent) {
        String v = options.get(name);
        if (v == null) {
            return absent;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("option " + name + " must be true or false, was '" + v + "'");
        }
        return Boolean.parseBoolean(v);
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
