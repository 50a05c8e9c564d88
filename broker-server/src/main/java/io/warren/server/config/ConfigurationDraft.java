package io.warren.server.config;

import io.warren.broker.security.User;
import io.warren.broker.store.journal.SyncPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings as {@link ConfigKeys} fill them in, starting from RabbitMQ's defaults; later entries replace
 * earlier ones, which is how command-line overrides beat the file. Remembers where each key was last set so
 * that {@link ConfigurationValidator} can point at it. Mutable and confined to the loading thread.
 */
final class ConfigurationDraft {
    String brokerName = "warren";
    Path dataDirectory = Path.of("data");
    SyncPolicy syncPolicy = SyncPolicy.ALWAYS;
    MemoryLimit memoryLimit;
    /** The paging settings; null leaves the engine's default. */
    Boolean paging;
    Double pagingRatio;
    Long queuePagingThreshold;
    Long pagingMaxDisk;
    Long pageFileSize;
    Integer pagingReadAhead;

    ListenerAddress tcp = new ListenerAddress(null, 5672);
    ListenerAddress ssl;
    Path certFile;
    Path keyFile;
    String keyPassword;
    Path caCertFile;
    boolean verifyPeer;
    boolean failIfNoPeerCert;

    boolean managementEnabled = true;
    /** RabbitMQ's management port. */
    int managementPort = 15672;
    /** {@code management.tcp.ip}; null means the AMQP listeners' interface. */
    String managementIp;
    boolean prometheusEnabled = true;
    /** RabbitMQ's Prometheus port. */
    int prometheusPort = 15692;
    /** {@code prometheus.tcp.ip}; null means the AMQP listeners' interface. */
    String prometheusIp;

    int channelMax = ConnectionLimits.defaults().channelMax();
    int frameMax = ConnectionLimits.defaults().frameMax();
    int heartbeat = ConnectionLimits.defaults().heartbeat();
    int connectionMax = ConnectionLimits.defaults().connectionMax();
    Duration handshakeTimeout = ConnectionLimits.defaults().handshakeTimeout();
    long maxMessageSize = ConnectionLimits.defaults().maxMessageSize();
    long diskFreeLimit = ConnectionLimits.defaults().diskFreeLimit();

    String defaultUser = "guest";
    String defaultPass = "guest";
    String defaultVhost = "/";
    final Set<String> defaultTags = new LinkedHashSet<>(List.of(User.ADMINISTRATOR));
    String defaultConfigure = ".*";
    String defaultWrite = ".*";
    String defaultRead = ".*";
    /** RabbitMQ lets {@code guest} in only from loopback unless told otherwise. */
    final Map<String, Boolean> loopbackUsers = new LinkedHashMap<>(Map.of("guest", true));

    /** {@code vhosts.N} by N, so setting the same N again replaces the name. */
    final Map<String, String> vhosts = new LinkedHashMap<>();
    final Map<String, UserDraft> users = new LinkedHashMap<>();
    /** Keyed by user, then vhost. */
    final Map<String, Map<String, List<String>>> permissions = new LinkedHashMap<>();

    private final Map<String, String> locations = new HashMap<>();

    void setAt(String key, String location) {
        locations.put(key, location);
    }

    /** Where {@code key} was last set, or {@code defaults}. */
    String locationOf(String key) {
        return locations.getOrDefault(key, "defaults");
    }

    UserDraft user(String name) {
        return users.computeIfAbsent(name, n -> new UserDraft());
    }

    /** A {@code users.NAME.*} user being filled in. */
    static final class UserDraft {
        String password;
        String passwordHash;
        Set<String> tags = Set.of();
    }
}
