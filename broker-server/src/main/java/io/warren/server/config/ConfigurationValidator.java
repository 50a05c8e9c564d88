package io.warren.server.config;

import io.netty.handler.ssl.SslContext;
import io.warren.broker.security.Permission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks what single keys cannot: that a TLS listener has its files and they make a context, that permissions
 * name declared users and vhosts, that there is a listener at all, that the management API does not share a
 * port with AMQP; then freezes the draft into a
 * {@link ServerConfiguration}. Each failure names the key (and where it was set) that has to change. Stateless.
 */
final class ConfigurationValidator {

    private ConfigurationValidator() {
    }

    static ServerConfiguration validate(ConfigurationDraft d) {
        if (d.tcp == null && d.ssl == null) {
            throw fail(d, "listeners.tcp", "no listener: listeners.tcp is none and listeners.ssl.default is not set");
        }
        String bindAddress = bindAddress(d);
        Optional<TlsOptions> tls = d.ssl == null ? Optional.empty() : Optional.of(tls(d));
        Optional<SslContext> sslContext =
                tls.map(t -> TlsContextFactory.serverContext(t, d.locationOf("ssl_options.keyfile")));
        List<String> vhosts = vhosts(d);
        List<UserDefinition> users = new ArrayList<>();
        List<PermissionGrant> grants = new ArrayList<>();
        if (d.users.isEmpty()) {
            // RabbitMQ creates the default user only when no other user exists.
            users.add(new UserDefinition(d.defaultUser, d.defaultPass, null, d.defaultTags,
                    loopbackOnly(d, d.defaultUser)));
            grants.add(grant(d, d.defaultUser, d.defaultVhost,
                    List.of(d.defaultConfigure, d.defaultWrite, d.defaultRead), "default_permissions.configure"));
        } else {
            d.users.forEach((name, u) -> users.add(user(d, name, u)));
        }
        d.permissions.forEach((user, byVhost) -> byVhost.forEach((vhost, regexes) -> {
            String key = "permissions." + user + "." + vhost;
            if (users.stream().noneMatch(u -> u.name().equals(user))) {
                throw fail(d, key, "user '" + user + "' is not declared; add users." + user + ".password");
            }
            if (!vhosts.contains(vhost)) {
                throw fail(d, key, "vhost '" + vhost + "' is not declared; add vhosts.N = " + vhost);
            }
            grants.add(grant(d, user, vhost, regexes, key));
        }));
        Optional<ListenerAddress> management = management(d, bindAddress);
        Optional<ListenerAddress> prometheus = prometheus(d, bindAddress, management);
        ConnectionLimits limits = new ConnectionLimits(d.channelMax, d.frameMax, d.heartbeat, d.connectionMax,
                d.handshakeTimeout, d.maxMessageSize, d.diskFreeLimit);
        return new ServerConfiguration(d.brokerName, d.dataDirectory, d.syncPolicy, Optional.ofNullable(d.memoryLimit),
                paging(d), bindAddress, Optional.ofNullable(d.tcp).map(ListenerAddress::port),
                Optional.ofNullable(d.ssl).map(ListenerAddress::port), tls, sslContext, limits, management, prometheus,
                vhosts, users, grants);
    }

    private static PagingSettings paging(ConfigurationDraft d) {
        return new PagingSettings(Optional.ofNullable(d.paging),
                d.pagingRatio == null ? OptionalDouble.empty() : OptionalDouble.of(d.pagingRatio),
                optional(d.queuePagingThreshold), optional(d.pagingMaxDisk), optional(d.pageFileSize),
                d.pagingReadAhead == null ? OptionalInt.empty() : OptionalInt.of(d.pagingReadAhead));
    }

    private static OptionalLong optional(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** The management listener: on the AMQP interface unless {@code management.tcp.ip} names another. */
    private static Optional<ListenerAddress> management(ConfigurationDraft d, String amqpBindAddress) {
        if (!d.managementEnabled) {
            return Optional.empty();
        }
        String host = d.managementIp != null ? d.managementIp : amqpBindAddress;
        if (d.managementPort != 0 && overlaps(host, amqpBindAddress)) {
            checkPortFree(d, "management.tcp.port", d.managementPort, d.tcp, "listeners.tcp.default",
                    "the management API", 15672);
            checkPortFree(d, "management.tcp.port", d.managementPort, d.ssl, "listeners.ssl.default",
                    "the management API", 15672);
        }
        return Optional.of(new ListenerAddress(host, d.managementPort));
    }

    /** The Prometheus listener: like the management one, on a port of its own. */
    private static Optional<ListenerAddress> prometheus(ConfigurationDraft d, String amqpBindAddress,
                                                        Optional<ListenerAddress> management) {
        if (!d.prometheusEnabled) {
            return Optional.empty();
        }
        String host = d.prometheusIp != null ? d.prometheusIp : amqpBindAddress;
        int port = d.prometheusPort;
        if (port != 0 && overlaps(host, amqpBindAddress)) {
            checkPortFree(d, "prometheus.tcp.port", port, d.tcp, "listeners.tcp.default", "the Prometheus endpoint",
                    15692);
            checkPortFree(d, "prometheus.tcp.port", port, d.ssl, "listeners.ssl.default", "the Prometheus endpoint",
                    15692);
        }
        if (port != 0 && management.isPresent() && overlaps(host, management.get().host())) {
            checkPortFree(d, "prometheus.tcp.port", port, management.get(), "management.tcp.port",
                    "the Prometheus endpoint", 15692);
        }
        return Optional.of(new ListenerAddress(host, port));
    }

    private static boolean overlaps(String host, String other) {
        return host.equals(other) || isWildcard(host) || isWildcard(other);
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0");
    }

    private static void checkPortFree(ConfigurationDraft d, String key, int port, ListenerAddress other,
                                      String otherKey, String what, int usualPort) {
        if (other != null && other.port() == port) {
            throw fail(d, key, "port " + port + " is also " + otherKey + "; give " + what
                    + " a port of its own (RabbitMQ's is " + usualPort + ")");
        }
    }

    /** One interface for both listeners, as the server binds only one; a host on either applies to both. */
    private static String bindAddress(ConfigurationDraft d) {
        Optional<String> tcp = Optional.ofNullable(d.tcp).flatMap(ListenerAddress::explicitHost);
        Optional<String> ssl = Optional.ofNullable(d.ssl).flatMap(ListenerAddress::explicitHost);
        if (tcp.isPresent() && ssl.isPresent() && !tcp.get().equals(ssl.get())) {
            throw fail(d, "listeners.ssl.default", "host " + ssl.get() + " differs from listeners.tcp.default's "
                    + tcp.get() + "; both listeners bind the same interface, so give the same host or only a port");
        }
        return tcp.or(() -> ssl).orElse("0.0.0.0");
    }

    private static TlsOptions tls(ConfigurationDraft d) {
        requireFile(d, "ssl_options.certfile", d.certFile);
        requireFile(d, "ssl_options.keyfile", d.keyFile);
        if (d.verifyPeer && d.caCertFile == null) {
            throw fail(d, "ssl_options.verify", "verify_peer needs ssl_options.cacertfile, the CA bundle client "
                    + "certificates are checked against");
        }
        if (d.caCertFile != null) {
            requireFile(d, "ssl_options.cacertfile", d.caCertFile);
        }
        return new TlsOptions(d.certFile, d.keyFile, d.keyPassword, d.caCertFile, d.verifyPeer, d.failIfNoPeerCert);
    }

    private static void requireFile(ConfigurationDraft d, String key, Path file) {
        if (file == null) {
            throw fail(d, "listeners.ssl.default", "a TLS listener needs " + key);
        }
        if (!Files.isReadable(file)) {
            throw fail(d, key, "cannot read file " + file.toAbsolutePath());
        }
    }

    private static List<String> vhosts(ConfigurationDraft d) {
        Set<String> names = new LinkedHashSet<>();
        names.add("/");
        names.add(d.defaultVhost);
        names.addAll(d.vhosts.values());
        return List.copyOf(names);
    }

    private static UserDefinition user(ConfigurationDraft d, String name, ConfigurationDraft.UserDraft u) {
        if (u.password == null && u.passwordHash == null) {
            throw fail(d, "users." + name + ".tags", "user '" + name + "' needs users." + name
                    + ".password or users." + name + ".password_hash");
        }
        if (u.password != null && u.passwordHash != null) {
            throw fail(d, "users." + name + ".password_hash", "user '" + name + "' has both a password and a "
                    + "password_hash; keep one");
        }
        return new UserDefinition(name, u.password, u.passwordHash, u.tags, loopbackOnly(d, name));
    }

    private static boolean loopbackOnly(ConfigurationDraft d, String user) {
        return d.loopbackUsers.getOrDefault(user, false);
    }

    private static PermissionGrant grant(ConfigurationDraft d, String user, String vhost, List<String> regexes,
                                         String key) {
        String[] kinds = {"configure", "write", "read"};
        for (int i = 0; i < 3; i++) {
            try {
                Pattern.compile(regexes.get(i));
            } catch (PatternSyntaxException e) {
                throw fail(d, key, "the " + kinds[i] + " expression '" + regexes.get(i) + "' is not a valid regular "
                        + "expression: " + e.getDescription());
            }
        }
        return new PermissionGrant(user, new Permission(vhost, regexes.get(0), regexes.get(1), regexes.get(2)));
    }

    private static InvalidConfigException fail(ConfigurationDraft d, String key, String problem) {
        return new InvalidConfigException(d.locationOf(key), key, problem);
    }
}
