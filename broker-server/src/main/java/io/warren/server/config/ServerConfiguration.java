package io.warren.server.config;

import io.netty.handler.ssl.SslContext;
import io.warren.broker.BrokerConfig;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.UserStore;
import io.warren.broker.store.journal.SyncPolicy;
import io.warren.server.ServerSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The standalone broker's validated configuration, from {@link ConfigurationLoader}: what the engine, the AMQP
 * listeners, the management HTTP API and the user store are started with. Immutable and thread-safe; the
 * factory methods create new objects on every call, except the Netty {@code SslContext}, which is built once
 * while loading (so bad TLS files are reported with the configuration's other errors) and shared, as Netty
 * allows.
 */
public final class ServerConfiguration {
    private final String brokerName;
    private final Path dataDirectory;
    private final SyncPolicy syncPolicy;
    private final Optional<MemoryLimit> memoryLimit;
    private final PagingSettings paging;
    private final String bindAddress;
    private final Optional<Integer> amqpPort;
    private final Optional<Integer> amqpsPort;
    private final Optional<TlsOptions> tls;
    private final Optional<SslContext> sslContext;
    private final ConnectionLimits limits;
    private final Optional<ListenerAddress> management;
    private final Optional<ListenerAddress> prometheus;
    private final List<String> virtualHosts;
    private final List<UserDefinition> users;
    private final List<PermissionGrant> permissions;

    ServerConfiguration(String brokerName, Path dataDirectory, SyncPolicy syncPolicy,
                        Optional<MemoryLimit> memoryLimit, PagingSettings paging,
                        String bindAddress, Optional<Integer> amqpPort, Optional<Integer> amqpsPort,
                        Optional<TlsOptions> tls, Optional<SslContext> sslContext, ConnectionLimits limits,
                        Optional<ListenerAddress> management, Optional<ListenerAddress> prometheus,
                        List<String> virtualHosts,
                        List<UserDefinition> users, List<PermissionGrant> permissions) {
        this.brokerName = brokerName;
        this.dataDirectory = dataDirectory;
        this.syncPolicy = syncPolicy;
        this.memoryLimit = memoryLimit;
        this.paging = paging;
        this.bindAddress = bindAddress;
        this.amqpPort = amqpPort;
        this.amqpsPort = amqpsPort;
        this.tls = tls;
        this.sslContext = sslContext;
        this.limits = limits;
        this.management = management;
        this.prometheus = prometheus;
        this.virtualHosts = List.copyOf(virtualHosts);
        this.users = List.copyOf(users);
        this.permissions = List.copyOf(permissions);
    }

    /** The built-in defaults, which are RabbitMQ's: AMQP on 0.0.0.0:5672, guest/guest from loopback, ./data. */
    public static ServerConfiguration defaults() {
        return ConfigurationValidator.validate(new ConfigurationDraft());
    }

    /** {@code broker.name}; default {@code warren}. */
    public String brokerName() {
        return brokerName;
    }

    /** {@code data_dir}, as given (relative paths are against the working directory); default {@code data}. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** {@code journal.sync}; default {@link SyncPolicy#ALWAYS}. */
    public SyncPolicy syncPolicy() {
        return syncPolicy;
    }

    /** {@code vm_memory_high_watermark.*}, empty for the engine's default (half the maximum heap). */
    public Optional<MemoryLimit> memoryLimit() {
        return memoryLimit;
    }

    /**
     * {@code paging.*} and {@code vm_memory_high_watermark_paging_ratio}; what is not set keeps the engine's
     * defaults.
     */
    public PagingSettings paging() {
        return paging;
    }

    /** The interface both listeners bind; {@code 0.0.0.0} unless a listener named a host. */
    public String bindAddress() {
        return bindAddress;
    }

    /** The plain AMQP port, empty when {@code listeners.tcp = none}; 0 means any free port. */
    public Optional<Integer> amqpPort() {
        return amqpPort;
    }

    /** The AMQPS port, empty unless {@code listeners.ssl.default} is set. */
    public Optional<Integer> amqpsPort() {
        return amqpsPort;
    }

    /** The {@code ssl_options.*}, present exactly when there is an AMQPS listener. */
    public Optional<TlsOptions> tls() {
        return tls;
    }

    public ConnectionLimits limits() {
        return limits;
    }

    /**
     * Where the management HTTP API listens: {@code management.tcp.port} (default 15672; 0 means any free
     * port) on {@code management.tcp.ip} (default the AMQP interface), so the host is always present; empty
     * when {@code management.enabled = false}.
     */
    public Optional<ListenerAddress> managementListener() {
        return management;
    }

    /**
     * Where Prometheus scrapes {@code /metrics}: {@code prometheus.tcp.port} (default 15692; 0 means any free port)
     * on {@code prometheus.tcp.ip} (default the AMQP interface); empty when {@code prometheus.enabled = false}.
     */
    public Optional<ListenerAddress> prometheusListener() {
        return prometheus;
    }

    /** Virtual hosts to create: {@code /}, {@code default_vhost} and every {@code vhosts.N}. */
    public List<String> virtualHosts() {
        return virtualHosts;
    }

    /** Users to create: those declared with {@code users.NAME.*}, or else the default user. */
    public List<UserDefinition> users() {
        return users;
    }

    /** Permissions to set: each {@code permissions.USER.VHOST}, or else the default user's. */
    public List<PermissionGrant> permissions() {
        return permissions;
    }

    /** The engine's configuration, without users (see {@link #brokerConfig(UserStore)}). */
    public BrokerConfig brokerConfig() {
        return brokerConfig(null);
    }

    /**
     * The engine's configuration with {@code users} as the broker's user store, the one the AMQP server and
     * any in-JVM client of this broker log in against; null for none.
     */
    public BrokerConfig brokerConfig(UserStore users) {
        BrokerConfig.Builder builder = BrokerConfig.builder(brokerName).dataDirectory(dataDirectory)
                .syncPolicy(syncPolicy).users(users);
        memoryLimit.ifPresent(limit -> builder.maxMemory(limit.bytes(Runtime.getRuntime().maxMemory())));
        paging.applyTo(builder);
        return builder.build();
    }

    /** The listeners' settings, with the TLS context built from the PEM files when loading. */
    public ServerSettings serverSettings() {
        return ServerSettings.defaults()
                .withBindAddress(bindAddress)
                .withTls(amqpsPort.orElse(-1), sslContext.orElse(null))
                .withPort(amqpPort.orElse(-1))
                .withChannelMax(limits.channelMax())
                .withFrameMax(limits.frameMax())
                .withHeartbeat(limits.heartbeat())
                .withMaxConnections(limits.connectionMax())
                .withHandshakeTimeout(limits.handshakeTimeout())
                .withMaxMessageSize(limits.maxMessageSize())
                .withDiskFreeLimit(limits.diskFreeLimit());
    }

    /** A user store with the configured users and permissions, hashing passwords at full strength. */
    public UserStore userStore() {
        return userStore(new PasswordHasher());
    }

    /** As {@link #userStore()}, hashing clear-text passwords with {@code hasher}. */
    public UserStore userStore(PasswordHasher hasher) {
        UserStore store = new UserStore(hasher);
        for (UserDefinition user : users) {
            if (user.password() != null) {
                store.addUser(user.name(), user.password().toCharArray(), user.tags());
            } else {
                store.addUserWithHash(user.name(), user.passwordHash(), user.tags());
            }
            store.setLoopbackOnly(user.name(), user.loopbackOnly());
        }
        for (PermissionGrant grant : permissions) {
            var p = grant.permission();
            store.setPermissions(grant.user(), p.vhost(), p.configure(), p.write(), p.read());
        }
        return store;
    }

    @Override
    public String toString() {
        return "ServerConfiguration[broker=" + brokerName + ", data=" + dataDirectory + ", sync=" + syncPolicy
                + ", bind=" + bindAddress + ", amqp=" + amqpPort + ", amqps=" + amqpsPort + ", management="
                + management.map(m -> m.host() + ":" + m.port()).orElse("off") + ", prometheus="
                + prometheus.map(m -> m.host() + ":" + m.port()).orElse("off") + ", vhosts="
                + virtualHosts + ", users=" + users + "]";
    }
}
