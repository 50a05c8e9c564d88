package io.warren.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code warren.conf} into {@link ConfigEntry}s without interpreting keys: one {@code key = value}
 * per line, blank lines and lines whose first non-blank character is {@code #} ignored. A {@code #} after a
 * value is part of the value (passwords may contain it), as the value is everything after the first
 * {@code =}, trimmed. Stateless.
 */
final class ConfigFileReader {

    private ConfigFileReader() {
    }

    /** Reads {@code file}; fails naming the file when it cannot be read or a line is not {@code key = value}. */
    static List<ConfigEntry> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidConfigException(file.toString(), "config file",
                    "cannot read it (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        return parse(file.toString(), lines);
    }

    /** Parses lines that came from {@code name}. */
    static List<ConfigEntry> parse(String name, List<String> lines) {
        List<ConfigEntry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String location = name + ":" + (i + 1);
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new InvalidConfigException(location, line, "expected 'key = value'");
            }
            String key = line.substring(0, eq).strip();
            if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
                throw new InvalidConfigException(location, key.isEmpty() ? "(no key)" : key,
                        "expected 'key = value' with a key without spaces");
            }
            entries.add(new ConfigEntry(key, line.substring(eq + 1).strip(), location));
        }
        return entries;
    }
}
