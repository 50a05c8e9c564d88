package io.warren.server.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The options every command takes: where the management API is, who logs in, the virtual host, the output
 * format and {@code --verbose}. Resolved once per run from the command line, then the environment
 * ({@code WARREN_URL}, {@code WARREN_USER}, {@code WARREN_PASSWORD}), then defaults. Immutable.
 *
 * @param url         the base URL, without a trailing {@code /}
 * @param credentials user and password
 * @param vhost       the virtual host commands act in ({@code /} unless {@code --vhost} is given)
 * @param vhostGiven  whether {@code --vhost} was given: {@code export}/{@code import definitions} then work on
 *                    that virtual host instead of the whole broker
 * @param format      how results are printed
 * @param verbose     print each request, and stack traces of failures
 */
record GlobalOptions(URI url, Credentials credentials, String vhost, boolean vhostGiven, OutputFormat format,
                     boolean verbose) {

    static final String DEFAULT_URL = "http://localhost:15672";
    static final int DEFAULT_PORT = 15672;

    /** The options of every command, in the order the help text lists them. */
    static final List<OptionSpec> SPECS = List.of(
            OptionSpec.optional("url", "URL", "management API, default " + DEFAULT_URL + " (env WARREN_URL)"),
            OptionSpec.optional("host", "HOST", "instead of --url: http://HOST:PORT (default localhost)"),
            OptionSpec.optional("port", "PORT", "with --host: the port (default " + DEFAULT_PORT + ")"),
            OptionSpec.optional("user", "NAME", "user to log in as, default guest (env WARREN_USER)"),
            OptionSpec.optional("password", "SECRET", "password, default guest (env WARREN_PASSWORD keeps it "
                    + "out of the process list)"),
            OptionSpec.optional("vhost", "VHOST", "virtual host, default /"),
            OptionSpec.optional("format", "table|json|tsv", "output: aligned table (default), the server's JSON, "
                    + "or tab-separated with a header line"),
            OptionSpec.flag("verbose", "print each HTTP request, and the stack trace of a failure"),
            OptionSpec.flag("help", "print help (also -h, and help [COMMAND])"),
            OptionSpec.flag("version", "print the version of warren-ctl"));

    /**
     * Resolves the options from {@code arguments}, then {@code environment}, then defaults.
     *
     * @throws UsageException for a malformed URL, port, format or empty virtual host, or credentials in the URL
     */
    static GlobalOptions resolve(Arguments arguments, Map<String, String> environment) {
        Credentials credentials = new Credentials(
                setting(arguments, "user", environment, "WARREN_USER").orElse("guest"),
                setting(arguments, "password", environment, "WARREN_PASSWORD").orElse("guest"));
        String vhost = arguments.option("vhost").orElse("/");
        if (vhost.isEmpty()) {
            throw new UsageException("--vhost is empty: the default virtual host is --vhost=/");
        }
        return new GlobalOptions(url(arguments, environment), credentials, vhost, arguments.has("vhost"),
                OutputFormat.named(arguments.option("format").orElse("table")), arguments.flag("verbose", false));
    }

    private static Optional<String> setting(Arguments arguments, String option, Map<String, String> environment,
                                            String variable) {
        Optional<String> given = arguments.option(option);
        return given.isPresent() ? given : Optional.ofNullable(environment.get(variable));
    }

    private static URI url(Arguments arguments, Map<String, String> environment) {
        boolean hostOrPort = arguments.has("host") || arguments.has("port");
        if (hostOrPort && arguments.has("url")) {
            throw new UsageException("give either --url or --host/--port, not both");
        }
        if (hostOrPort) {
            String host = arguments.option("host").orElse("localhost");
            if (host.contains(":") && !host.startsWith("[")) {
                host = "[" + host + "]";
            }
            return check("--host/--port", "http://" + host + ":" + port(arguments.option("port")));
        }
        if (arguments.has("url")) {
            return check("--url", arguments.option("url").orElseThrow());
        }
        String fromEnvironment = environment.get("WARREN_URL");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return check("WARREN_URL", fromEnvironment);
        }
        return check("default URL", DEFAULT_URL);
    }

    private static int port(Optional<String> given) {
        if (given.isEmpty()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(given.get());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--port: expected 1 to 65535, got '" + given.get() + "'");
    }

    /** Messages never repeat the URL: a mistyped one (http//user:pass@host) may carry a password. */
    private static URI check(String source, String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new UsageException(source + ": not a URL (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UsageException(source + ": give the user and password with --user and --password (or "
                    + "WARREN_USER and WARREN_PASSWORD), not in the URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UsageException(source + ": expected http://HOST:PORT or https://HOST:PORT");
        }
        if (uri.getHost() == null) {
            throw new UsageException(source + ": no host name");
        }
        if (uri.getPort() > 65535) {
            throw new UsageException(source + ": port " + uri.getPort() + " is above 65535");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new UsageException(source + ": a query or fragment has no place in the base URL");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }
}
