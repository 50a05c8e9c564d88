package io.warren.junit;

import io.warren.jms.url.ConnectionUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Configures a {@link WarrenExtension}: its broker's name, whether it keeps state on disk, the queues it
 * declares at start, and options of its {@code vm://} URL. A mistake (a name no URL can carry, an unknown option)
 * fails at once with {@link IllegalArgumentException} naming it. Not thread-safe; used once, at the field's
 * initialisation.
 */
public final class WarrenExtensionBuilder {
    private static final String DEFAULT_PREFIX = "warren-junit-";
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    /** Options with a builder method of their own, or that the helpers' own connection cannot share. */
    private static final Map<String, String> RESERVED = Map.of(
            "dataDir", "use dataDirectory(Path) or persistent()",
            "persistent", "use persistent() or dataDirectory(Path); a broker is in memory without them",
            "clientID", "the helpers open a connection of their own, so set it on one factory:"
                    + " connectionFactory().setClientID(...)");

    private String name;
    private boolean persistent;
    private Path dataDirectory;
    private final Set<String> queues = new LinkedHashSet<>();
    private final Map<String, String> options = new LinkedHashMap<>();

    WarrenExtensionBuilder() {
    }

    /**
     * The broker's name, the NAME of {@code vm://NAME}: letters, digits, '.', '_' and '-'. By default each
     * extension gets a name no other uses ({@code warren-junit-N}).
     */
    public WarrenExtensionBuilder name(String name) {
        try {
            ConnectionUrl.parse("vm://" + name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("WarrenExtension name '" + name + "' cannot name a broker: use"
                    + " letters, digits, '.', '_' or '-' (" + e.getMessage() + ")", e);
        }
        this.name = name;
        return this;
    }

    /**
     * Keeps durable state in an on-disk journal, in a temporary directory the extension creates at start and
     * deletes at stop (it survives {@link WarrenExtension#restart()}). The journal does not fsync unless
     * {@code option("sync", "always")} says so: a test's data need not survive the machine.
     */
    public WarrenExtensionBuilder persistent() {
        this.persistent = true;
        return this;
    }

    /** Keeps durable state in this directory, which the extension leaves in place; implies {@link #persistent()}. */
    public WarrenExtensionBuilder dataDirectory(Path directory) {
        this.dataDirectory = directory.toAbsolutePath();
        this.persistent = true;
        return this;
    }

    /** Queues declared at every start, as JMS declares a queue on first use. */
    public WarrenExtensionBuilder queue(String... names) {
        queues.addAll(List.of(names));
        return this;
    }

    /**
     * An option of the broker's {@code vm://} URL (see the README's table): {@code prefetch},
     * {@code trustedPackages}, {@code sync}, {@code jmx}, {@code virtualHost}, {@code user}, {@code password}, and the
     * paging options ({@code paging}, {@code pagingWatermark}, {@code queuePagingThreshold}, {@code pagingMaxDisk},
     * {@code pageFileSize}, {@code pagingReadAhead}).
     */
    public WarrenExtensionBuilder option(String key, String value) {
        String instead = RESERVED.get(key);
        if (instead != null) {
            throw new IllegalArgumentException("WarrenExtension option '" + key + "': " + instead);
        }
        options.put(key, value);
        return this;
    }

    /** The extension; it starts nothing until JUnit (or {@link WarrenExtension#start()}) starts it. */
    public WarrenExtension build() {
        String broker = name != null ? name : DEFAULT_PREFIX + NUMBERS.incrementAndGet();
        Map<String, String> all = new LinkedHashMap<>(options);
        Path directory = dataDirectory;
        boolean temporary = persistent && directory == null;
        if (temporary) {
            directory = Path.of(System.getProperty("java.io.tmpdir"))
                    .resolve((name != null ? DEFAULT_PREFIX : "") + broker + "-" + UUID.randomUUID()).toAbsolutePath();
        }
        if (persistent) {
            all.put("dataDir", directory.toString());
            all.putIfAbsent("sync", "never");
        }
        List<String> query = new ArrayList<>();
        all.forEach((k, v) -> query.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        String url = "vm://" + broker + (query.isEmpty() ? "" : "?" + String.join("&", query));
        ConnectionUrl parsed;
        try {
            parsed = ConnectionUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("WarrenExtension options " + options + ": " + e.getMessage(), e);
        }
        return new WarrenExtension(url, List.copyOf(queues), new EmbeddedBroker(parsed, directory, temporary));
    }
}
