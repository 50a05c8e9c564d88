package io.warren.server.config;

import java.util.Objects;

/**
 * One {@code key = value} setting and where it came from, so errors can point at it. Immutable.
 *
 * @param key      the key, trimmed, e.g. {@code listeners.tcp.default}
 * @param value    the value, trimmed; may be empty
 * @param location {@code file:line} for a file, {@code command line} for an override
 */
public record ConfigEntry(String key, String value, String location) {

    /** Where command-line overrides come from. */
    public static final String COMMAND_LINE = "command line";

    public ConfigEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(location, "location");
    }

    /** A setting given as {@code --key=value} on the command line. */
    public static ConfigEntry fromCommandLine(String key, String value) {
        return new ConfigEntry(key, value, COMMAND_LINE);
    }
}
