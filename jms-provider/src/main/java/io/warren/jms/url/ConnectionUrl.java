package io.warren.jms.url;

import io.warren.jms.message.ObjectLimits;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed Warren connection URL, one of:
 * <ul>
 *   <li>{@code vm://NAME[?options]}: the in-JVM broker called NAME, started on first use. Options
 *       {@code persistent=false}, {@code dataDir=PATH}, {@code sync=always|batched|never},
 *       {@code virtualHost=NAME} (default {@code /}), {@code jmx=true|false} (the broker's MBeans on the platform
 *       MBean server; default true), and the engine's paging settings, named as its configuration builder names
 *       them: {@code paging=true|false}, {@code pagingWatermark=FRACTION},
 *       {@code queuePagingThreshold=SIZE}, {@code pagingMaxDisk=SIZE}, {@code pageFileSize=SIZE},
 *       {@code pagingReadAhead=N}, a SIZE in bytes or with a unit ({@code 64MiB}, {@code 64MB}:
 *       {@link io.warren.config.ByteSize}), and the users the broker lets in: {@code users=name:password;...}
 *       ({@link InlineUsers}) and {@code usersFile=PATH} (a properties file of {@code name=password}, the
 *       password in clear or as a {@code pbkdf2-sha256$...} hash); with neither the broker lets every client
 *       in;</li>
 *   <li>{@code amqp://[user[:password]@]host[:port][,host[:port]...][/vhost][?options]} and {@code amqps://...}:
 *       a broker speaking AMQP 0-9-1 (a Warren server, RabbitMQ), the hosts tried in order (failover); the vhost is
 *       URL-encoded ({@code %2F} for {@code /}; none means {@code /}); ports default to 5672 and 5671. Options
 *       {@code heartbeat=SECONDS}, {@code connectTimeout=MS}, {@code failover=true|false} (re-establish a lost
 *       connection; on by default with several hosts), {@code failoverTimeout=MS}, and for
 *       {@code amqps} {@code trustStore}, {@code trustStorePassword}, {@code trustStoreType}, {@code keyStore},
 *       {@code keyStorePassword}, {@code keyStoreType}, {@code verifyHost=true|false};</li>
 * </ul>
 * and for all of them {@code clientID=ID}, {@code prefetch=N} (at least 1), {@code trustedPackages=a.b,c.d},
 * {@code objectLimits=maxdepth=N,...} ({@link ObjectLimits}), {@code user}, {@code password}: client options, as the
 * factory's setters.
 *
 * <p>Each option is given once, with a non-empty value; {@code persistent=true} needs a {@code dataDir}. The
 * {@link #brokerOptions() broker options} of a {@code vm} URL say how its broker is started, and a URL that
 * names a running broker must agree with it on those it gives (see {@code VmBrokers}).
 *
 * @param brokerName the in-JVM broker's name ({@code vm}), or null
 * @param endpoints  the hosts to try in order ({@code amqp}, {@code amqps}); empty for {@code vm}
 * @param user       the user of the URL's user-info or {@code user} option, or null
 * @param password   the password of the URL's user-info or {@code password} option, or null
 */
public record ConnectionUrl(String url, String scheme, String brokerName, List<Endpoint> endpoints,
                            String virtualHost, String user, String password, Map<String, String> options)
        implements Serializable {
    private static final String EXPECTED = "expected vm://NAME[?options], amqp://[user:password@]host[:port]"
            + "[/vhost][?options] or amqps://...";
    private static final String ENCODE_HINT = "; percent-encode '/', '?' and '@' in a user name or password"
            + " (%2F, %3F, %40)";

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

    /**
     * The options that shape an in-JVM broker when the first connection starts it ({@code dataDir},
     * {@code persistent}, {@code sync}, {@code jmx}, the paging options, {@code users} and {@code usersFile});
     * a later URL naming the same broker must agree with it on the ones it gives. The others are per connection.
     */
    public static List<String> brokerOptions() {
        return UrlOptions.BROKER;
    }

    /**
     * Parses a URL; a malformed one fails with {@link IllegalArgumentException} naming the problem. The message
     * never shows a password, and leaves out any piece of the URL that might be part of one.
     */
    public static ConnectionUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("connection URL is empty: " + EXPECTED);
        }
        int colon = url.indexOf("://");
        String scheme = colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("vm") && !scheme.equals("amqp") && !scheme.equals("amqps")) {
            throw new IllegalArgumentException("unsupported connection URL '" + masked(url) + "': " + EXPECTED);
        }
        String rest = url.substring(colon + 3);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        // Where the URL is before what it carries: a password holding an unencoded '?' ends up in the query,
        // and its pieces must fail as a bad host or port (which hides them) rather than as unknown options.
        ConnectionUrl where = scheme.equals("vm") ? vm(url, rest) : amqp(url, scheme, rest);
        Map<String, String> options = UrlOptions.parse(url, scheme, query);
        String user = where.user() != null ? where.user() : options.get("user");
        String password = where.password() != null ? where.password() : options.get("password");
        return new ConnectionUrl(url, scheme, where.brokerName(), where.endpoints(),
                where.isVm() ? options.getOrDefault("virtualHost", "/") : where.virtualHost(), user, password,
                options);
    }

    private static ConnectionUrl vm(String url, String rest) {
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        if (rest.isEmpty() || !rest.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("invalid broker name" + UrlOptions.quoted(url, rest)
                    + " in connection URL '" + masked(url) + "': use letters, digits, '.', '_' or '-'");
        }
        return new ConnectionUrl(url, "vm", rest, List.of(), "/", null, null, Map.of());
    }

    private static ConnectionUrl amqp(String url, String scheme, String rest) {
        int at = rest.lastIndexOf('@');
        int slash = rest.indexOf('/');
        if (at >= 0 && slash >= 0 && slash < at) {
            throw new IllegalArgumentException("connection URL '" + masked(url) + "' has an '@' after a '/'"
                    + ENCODE_HINT + ", and '@' in a virtual host as %40");
        }
        String user = null;
        String password = null;
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int c = userInfo.indexOf(':');
            user = decode(url, "the user name", c < 0 ? userInfo : userInfo.substring(0, c));
            password = c < 0 ? null : decode(url, "the password", userInfo.substring(c + 1));
            slash = rest.indexOf('/');
        }
        String vhost = "/";
        if (slash >= 0) {
            String path = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
            if (path.contains("/")) {
                throw hidden(url, "invalid virtual host", path, "encode '/' in a virtual host name as %2F");
            }
            if (!path.isEmpty()) {
                vhost = decode(url, "the virtual host", path);
            }
        }
        int defaultPort = scheme.equals("amqps") ? 5671 : 5672;
        List<Endpoint> endpoints = new ArrayList<>();
        for (String hostPort : rest.split(",", -1)) {
            endpoints.add(endpoint(url, hostPort.strip(), defaultPort));
        }
        return new ConnectionUrl(url, scheme, null, endpoints, vhost, user, password, Map.of());
    }

    private static Endpoint endpoint(String url, String hostPort, int defaultPort) {
        String host = hostPort;
        String port = null;
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            if (end < 0) {
                throw new IllegalArgumentException("invalid host" + UrlOptions.quoted(url, hostPort)
                        + " in connection URL '" + masked(url) + "': an IPv6 address needs a closing ']'");
            }
            host = hostPort.substring(1, end);
            String after = hostPort.substring(end + 1);
            if (after.startsWith(":")) {
                port = after.substring(1);
            } else if (!after.isEmpty()) {
                throw new IllegalArgumentException("invalid host" + UrlOptions.quoted(url, hostPort)
                        + " in connection URL '" + masked(url) + "'");
            }
        } else {
            int c = hostPort.lastIndexOf(':');
            if (c >= 0) {
                host = hostPort.substring(0, c);
                port = hostPort.substring(c + 1);
            }
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9._:%-]+")) {
            throw hidden(url, "invalid host", hostPort, "expected host[:port], several separated by ','");
        }
        int p = defaultPort;
        if (port != null) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                p = -1;
            }
            if (p < 1 || p > 65535) {
                throw hidden(url, "invalid port", port, "expected 1 to 65535");
            }
        }
        return new Endpoint(host, p);
    }

    /** A failure about a piece of the URL, which is only shown if it cannot be part of a password. */
    private static IllegalArgumentException hidden(String url, String problem, String piece, String expected) {
        boolean shown = Redaction.shows(url, piece);
        return new IllegalArgumentException(problem + (shown ? " '" + piece + "'" : "") + " in connection URL '"
                + masked(url) + "': " + expected + (shown ? "" : ENCODE_HINT));
    }

    private static String decode(String url, String what, String s) {
        return UrlOptions.decode(url, what, s.replace("+", "%2B"));
    }

    /**
     * The text with any password masked, for messages and logs: {@code amqp://user:***@host},
     * {@code password=***}, {@code trustStorePassword=***}. Works on any text, valid URL or not; for one that is
     * not valid it masks everything that might be a password.
     */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        try {
            return parse(url).toString();
        } catch (IllegalArgumentException notAUrl) {
            return Redaction.unparsed(url);
        }
    }

    private static String masked(String url) {
        return Redaction.unparsed(url);
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
            int n = Integer.parseInt(v.strip());
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

    /** The URL with its passwords masked. */
    @Override
    public String toString() {
        return Redaction.parsed(url);
    }
}
