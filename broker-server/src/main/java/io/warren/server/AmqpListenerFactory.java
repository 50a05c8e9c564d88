package io.warren.server;

import io.netty.handler.ssl.SslContext;
import io.warren.broker.Broker;
import io.warren.broker.security.UserStore;
import io.warren.broker.spi.ListenerFactory;
import io.warren.broker.spi.NetworkListener;
import io.warren.server.config.TlsContextFactory;
import io.warren.server.config.TlsOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Opens AMQP 0-9-1 listeners for a broker configured with {@code amqp://HOST:PORT} or
 * {@code amqps://HOST:PORT?certfile=PEM&keyfile=PEM} listeners (found through {@link java.util.ServiceLoader}).
 * Query options: {@code channel_max}, {@code frame_max}, {@code heartbeat}, {@code connection_max}, and for
 * {@code amqps} {@code certfile}, {@code keyfile} (PKCS#8 PEM) and optionally {@code cacertfile} (client
 * certificates signed by it are accepted and verified; clients without one still connect). Such a listener checks
 * logins and permissions against the broker's user store ({@code BrokerConfig.users}), the one its in-JVM clients
 * log in against too; a broker without one gets a listener that knows one user, RabbitMQ's default
 * {@code guest}/{@code guest}, allowed from loopback only.
 */
public final class AmqpListenerFactory implements ListenerFactory {
    private static final Set<String> OPTIONS = Set.of("channel_max", "frame_max", "heartbeat", "connection_max",
            "certfile", "keyfile", "cacertfile");

    @Override
    public boolean supports(String scheme) {
        return "amqp".equals(scheme) || "amqps".equals(scheme);
    }

    @Override
    public NetworkListener open(Broker broker, URI uri) {
        Map<String, String> options = options(uri);
        boolean tls = "amqps".equalsIgnoreCase(uri.getScheme());
        ServerSettings settings = ServerSettings.defaults().withBindAddress(uri.getHost());
        settings = tls ? settings.withTls(uri.getPort(), sslContext(uri, options)).withPort(-1)
                : settings.withPort(uri.getPort());
        if (options.containsKey("channel_max")) {
            settings = settings.withChannelMax(number(uri, options, "channel_max"));
        }
        if (options.containsKey("frame_max")) {
            settings = settings.withFrameMax(number(uri, options, "frame_max"));
        }
        if (options.containsKey("heartbeat")) {
            settings = settings.withHeartbeat(number(uri, options, "heartbeat"));
        }
        if (options.containsKey("connection_max")) {
            settings = settings.withMaxConnections(number(uri, options, "connection_max"));
        }
        UserStore own = broker.config().users();
        AmqpServer server = AmqpServer.start(broker, settings, own != null ? own : UserStore.withDefaultGuest());
        URI bound = URI.create(uri.getScheme() + "://" + uri.getHost() + ":"
                + (tls ? server.tlsPort() : server.port()));
        return new NetworkListener() {
            @Override
            public URI address() {
                return bound;
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    private static Map<String, String> options(URI uri) {
        Map<String, String> options = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query == null || query.isEmpty()) {
            return options;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!OPTIONS.contains(key)) {
                throw new IllegalArgumentException("unknown option '" + key + "' in listener " + uri
                        + "; known options: " + OPTIONS);
            }
            options.put(key, value);
        }
        return options;
    }

    private static int number(URI uri, Map<String, String> options, String key) {
        try {
            return Integer.parseInt(options.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + key + "' of listener " + uri + " must be a number, was '"
                    + options.get(key) + "'");
        }
    }

    private static SslContext sslContext(URI uri, Map<String, String> options) {
        String cert = options.get("certfile");
        String key = options.get("keyfile");
        if (cert == null || key == null) {
            throw new IllegalArgumentException("listener " + uri + " needs certfile and keyfile options (PEM files)");
        }
        String ca = options.get("cacertfile");
        TlsOptions tls = new TlsOptions(Path.of(cert), Path.of(key), null, ca == null ? null : Path.of(ca),
                ca != null, false);
        return TlsContextFactory.serverContext(tls, "listener " + uri);
    }
}
