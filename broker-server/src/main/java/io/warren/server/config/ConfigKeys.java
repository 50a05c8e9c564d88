package io.warren.server.config;

import io.warren.broker.security.PasswordHasher;
import io.warren.broker.store.journal.SyncPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every key Warren understands and how its value is read into a {@link ConfigurationDraft}: fixed keys such as
 * {@code heartbeat}, and keys with a name inside such as {@code users.NAME.password}. An unknown key or a
 * value of the wrong form fails with an {@link InvalidConfigException} naming the entry's location and key,
 * suggesting the nearest known key for a typo. Immutable after construction and stateless per call.
 */
final class ConfigKeys {

    /** Applies a fixed key's value. */
    private interface Setter {
        void set(ConfigurationDraft draft, String value);
    }

    /** Applies the value of a key with a name inside; {@code name} is that part. */
    private interface NamedSetter {
        void set(ConfigurationDraft draft, String name, String value);
    }

    /** Keys {@code prefix + NAME + suffix}; {@code template} shows the form in messages. */
    private record NamedKey(String prefix, String suffix, String template, NamedSetter setter) {
        String nameIn(String key) {
            if (key.length() > prefix.length() + suffix.length() && key.startsWith(prefix) && key.endsWith(suffix)) {
                return key.substring(prefix.length(), key.length() - suffix.length());
            }
            return null;
        }
    }

    private static final long MAX_MESSAGE_SIZE = 512L * 1024 * 1024;

    private final Map<String, Setter> fixed = new LinkedHashMap<>();
    private final List<NamedKey> named = new ArrayList<>();

    ConfigKeys() {
        fixed.put("broker.name", (d, v) -> d.brokerName = Values.nonEmpty(v, "a broker name"));
        fixed.put("data_dir", (d, v) -> d.dataDirectory = Path.of(Values.nonEmpty(v, "a directory")));
        fixed.put("journal.sync", (d, v) -> d.syncPolicy = syncPolicy(v));
        fixed.put("vm_memory_high_watermark.absolute",
                (d, v) -> d.memoryLimit = MemoryLimit.absolute(Values.bytesIn(v, 1, Long.MAX_VALUE)));
        fixed.put("vm_memory_high_watermark.relative",
                (d, v) -> d.memoryLimit = MemoryLimit.relative(Values.fraction(v, "the maximum heap")));
        fixed.put("vm_memory_high_watermark_paging_ratio", (d, v) -> d.pagingRatio =
                Values.fraction(v, "vm_memory_high_watermark (the memory limit)"));
        // The engine's ranges (BrokerConfig.Builder), checked here too so that a bad value names its line.
        fixed.put("paging.enabled", (d, v) -> d.paging = Values.bool(v));
        fixed.put("paging.queue_threshold",
                (d, v) -> d.queuePagingThreshold = Values.bytesIn(v, 0, Long.MAX_VALUE));
        fixed.put("paging.max_disk", (d, v) -> d.pagingMaxDisk = Values.bytesIn(v, 0, Long.MAX_VALUE));
        fixed.put("paging.file_size", (d, v) -> d.pageFileSize = Values.bytesIn(v, 1024, Integer.MAX_VALUE));
        fixed.put("paging.read_ahead",
                (d, v) -> d.pagingReadAhead = Values.intIn(v, 1, Integer.MAX_VALUE, "a number of messages"));

        fixed.put("listeners.tcp", (d, v) -> d.tcp = none(v, "set listeners.tcp.default to enable it"));
        fixed.put("listeners.tcp.default", (d, v) -> d.tcp = ListenerAddress.parse(v));
        fixed.put("listeners.ssl", (d, v) -> d.ssl = none(v, "set listeners.ssl.default to enable it"));
        fixed.put("listeners.ssl.default", (d, v) -> d.ssl = ListenerAddress.parse(v));
        fixed.put("ssl_options.certfile", (d, v) -> d.certFile = Path.of(Values.nonEmpty(v, "a PEM file")));
        fixed.put("ssl_options.keyfile", (d, v) -> d.keyFile = Path.of(Values.nonEmpty(v, "a PEM file")));
        fixed.put("ssl_options.cacertfile", (d, v) -> d.caCertFile = Path.of(Values.nonEmpty(v, "a PEM file")));
        fixed.put("ssl_options.password", (d, v) -> d.keyPassword = v);
        fixed.put("ssl_options.verify", (d, v) -> d.verifyPeer = verify(v));
        fixed.put("ssl_options.fail_if_no_peer_cert", (d, v) -> d.failIfNoPeerCert = Values.bool(v));

        fixed.put("management.enabled", (d, v) -> d.managementEnabled = Values.bool(v));
        fixed.put("management.tcp.port", (d, v) -> d.managementPort = Values.intIn(v, 0, 65535, "a port"));
        fixed.put("management.tcp.ip", (d, v) -> d.managementIp = host(v));
        fixed.put("prometheus.enabled", (d, v) -> d.prometheusEnabled = Values.bool(v));
        fixed.put("prometheus.tcp.port", (d, v) -> d.prometheusPort = Values.intIn(v, 0, 65535, "a port"));
        fixed.put("prometheus.tcp.ip", (d, v) -> d.prometheusIp = host(v));

        fixed.put("channel_max", (d, v) -> {
            int n = Values.intIn(v, 0, 65535, "a channel count (0 for 65535)");
            d.channelMax = n == 0 ? 65535 : n;
        });
        fixed.put("frame_max",
                (d, v) -> d.frameMax = Values.intIn(v, 4096, Integer.MAX_VALUE, "a frame size in bytes"));
        fixed.put("heartbeat", (d, v) -> d.heartbeat = Values.intIn(v, 0, 65535, "whole seconds"));
        fixed.put("handshake_timeout", (d, v) -> d.handshakeTimeout =
                Duration.ofMillis(Values.longIn(v, 1, Integer.MAX_VALUE, "milliseconds")));
        fixed.put("disk_free_limit.absolute", (d, v) -> d.diskFreeLimit = Values.bytesIn(v, 0, Long.MAX_VALUE));
        fixed.put("max_message_size", (d, v) -> d.maxMessageSize = Values.bytesIn(v, 1, MAX_MESSAGE_SIZE));
        fixed.put("connection_max", (d, v) -> d.connectionMax = "infinity".equals(v.strip()) ? 0
                : Values.intIn(v, 1, Integer.MAX_VALUE, "a number of connections or 'infinity'"));

        fixed.put("default_user", (d, v) -> d.defaultUser = Values.nonEmpty(v, "a user name"));
        fixed.put("default_pass", (d, v) -> d.defaultPass = v);
        fixed.put("default_vhost", (d, v) -> d.defaultVhost = Values.nonEmpty(v, "a vhost name"));
        fixed.put("default_permissions.configure", (d, v) -> d.defaultConfigure = v);
        fixed.put("default_permissions.write", (d, v) -> d.defaultWrite = v);
        fixed.put("default_permissions.read", (d, v) -> d.defaultRead = v);
        fixed.put("loopback_users", (d, v) -> {
            none(v, "or loopback_users.NAME = true|false per user");
            d.loopbackUsers.clear();
        });

        named.add(new NamedKey("default_user_tags.", "", "default_user_tags.TAG", (d, tag, v) -> {
            if (Values.bool(v)) {
                d.defaultTags.add(tag);
            } else {
                d.defaultTags.remove(tag);
            }
        }));
        named.add(new NamedKey("loopback_users.", "", "loopback_users.NAME",
                (d, user, v) -> d.loopbackUsers.put(user, Values.bool(v))));
        named.add(new NamedKey("vhosts.", "", "vhosts.N",
                (d, n, v) -> d.vhosts.put(n, Values.nonEmpty(v, "a vhost name"))));
        named.add(new NamedKey("users.", ".password", "users.NAME.password",
                (d, user, v) -> d.user(user).password = Values.nonEmpty(v, "a password")));
        named.add(new NamedKey("users.", ".password_hash", "users.NAME.password_hash", (d, user, v) -> {
            PasswordHasher.checkEncoding(v.strip());
            d.user(user).passwordHash = v.strip();
        }));
        named.add(new NamedKey("users.", ".tags", "users.NAME.tags",
                (d, user, v) -> d.user(user).tags = Values.tags(v)));
        named.add(new NamedKey("permissions.", "", "permissions.USER.VHOST", (d, userAndVhost, v) -> {
            int dot = userAndVhost.indexOf('.');
            if (dot <= 0 || dot == userAndVhost.length() - 1) {
                throw new IllegalArgumentException("expected a key permissions.USER.VHOST (e.g. permissions.alice./)");
            }
            d.permissions.computeIfAbsent(userAndVhost.substring(0, dot), u -> new LinkedHashMap<>())
                    .put(userAndVhost.substring(dot + 1), Values.permissionTriple(v));
        }));
    }

    /** Reads {@code entry} into {@code draft}. */
    void apply(ConfigurationDraft draft, ConfigEntry entry) {
        String key = entry.key();
        try {
            Setter setter = fixed.get(key);
            if (setter != null) {
                setter.set(draft, entry.value());
            } else {
                applyNamed(draft, entry);
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(entry.location(), key, e.getMessage(), e);
        }
        draft.setAt(key, entry.location());
    }

    private void applyNamed(ConfigurationDraft draft, ConfigEntry entry) {
        for (NamedKey k : named) {
            String name = k.nameIn(entry.key());
            if (name != null) {
                k.setter().set(draft, name, entry.value());
                return;
            }
        }
        throw new InvalidConfigException(entry.location(), entry.key(), unknownKeyHint(entry.key()));
    }

    private String unknownKeyHint(String key) {
        if (key.startsWith("listeners.tcp.") || key.startsWith("listeners.ssl.")) {
            return "unknown key: Warren has one listener of each kind, "
                    + key.substring(0, "listeners.xxx.".length()) + "default";
        }
        if (key.startsWith("management.listener.")) {
            return "unknown key: Warren reads RabbitMQ's newer management keys, management.tcp.port and "
                    + "management.tcp.ip";
        }
        if (key.startsWith("management.ssl.")) {
            return "unknown key: the management listener has no TLS of its own; keep it on a trusted interface "
                    + "(management.tcp.ip) or put a TLS proxy in front of it";
        }
        if (key.equals("paging.watermark") || key.equals("paging.ratio")) {
            return "unknown key: the share of the memory limit past which deep queues page is RabbitMQ's "
                    + "vm_memory_high_watermark_paging_ratio";
        }
        String nearest = null;
        int best = 4;
        List<String> known = new ArrayList<>(fixed.keySet());
        named.forEach(k -> known.add(k.template()));
        for (String candidate : known) {
            int distance = Levenshtein.distance(key, candidate);
            if (distance < best) {
                best = distance;
                nearest = candidate;
            }
        }
        return "unknown key" + (nearest == null ? "" : " (did you mean " + nearest + "?)")
                + "; the keys are listed in broker-server/README.md";
    }

    private static ListenerAddress none(String value, String hint) {
        if (!"none".equals(value.strip())) {
            throw new IllegalArgumentException("expected 'none' (" + hint + "), got '" + value + "'");
        }
        return null;
    }

    /** An interface to bind: a host name or address, IPv6 with or without brackets. */
    private static String host(String value) {
        String host = Values.nonEmpty(value, "a host name or IP address").strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty() || host.contains(" ") || host.contains("[") || host.contains("]")) {
            throw new IllegalArgumentException("expected a host name or IP address (e.g. 127.0.0.1, ::1), got '"
                    + value + "'");
        }
        return host;
    }

    private static SyncPolicy syncPolicy(String value) {
        try {
            return SyncPolicy.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected always, batched or never, got '" + value + "'");
        }
    }

    private static boolean verify(String value) {
        return switch (value.strip()) {
            case "verify_peer" -> true;
            case "verify_none" -> false;
            default -> throw new IllegalArgumentException("expected verify_peer or verify_none, got '" + value + "'");
        };
    }
}
