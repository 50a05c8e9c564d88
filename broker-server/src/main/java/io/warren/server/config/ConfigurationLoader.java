package io.warren.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@code warren.conf} and command-line overrides into a {@link ServerConfiguration}. Entries apply in
 * order, file first, so a later setting of a key replaces an earlier one and an override beats the file. Keys
 * nobody set keep RabbitMQ's defaults. Stateless; safe to call from any thread.
 *
 * <pre>{@code
 * ServerConfiguration config = ConfigurationLoader.load(Optional.of(Path.of("warren.conf")),
 *         List.of(ConfigEntry.fromCommandLine("listeners.tcp.default", "5673")));
 * }</pre>
 */
public final class ConfigurationLoader {

    private ConfigurationLoader() {
    }

    /**
     * The configuration from {@code file} (if any) and then {@code overrides}.
     *
     * @throws InvalidConfigException naming file and line (or the command line), key and what was expected
     */
    public static ServerConfiguration load(Optional<Path> file, List<ConfigEntry> overrides) {
        List<ConfigEntry> entries = new ArrayList<>();
        file.ifPresent(f -> entries.addAll(ConfigFileReader.read(f)));
        entries.addAll(overrides);
        return load(entries);
    }

    /** The configuration from {@code entries}, applied in order. */
    public static ServerConfiguration load(List<ConfigEntry> entries) {
        ConfigKeys keys = new ConfigKeys();
        ConfigurationDraft draft = new ConfigurationDraft();
        for (ConfigEntry entry : entries) {
            keys.apply(draft, entry);
        }
        return ConfigurationValidator.validate(draft);
    }

    /** Parses the text of a config file named {@code name} (for messages) and loads it. */
    public static ServerConfiguration parse(String name, String text) {
        return load(ConfigFileReader.parse(name, text.lines().toList()));
    }
}
