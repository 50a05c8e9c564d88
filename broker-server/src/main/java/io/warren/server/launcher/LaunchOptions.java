package io.warren.server.launcher;

import io.warren.server.config.ConfigEntry;
import io.warren.server.config.InvalidConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of the standalone broker: {@code --config=FILE}, {@code --help}, {@code --verbose} and
 * {@code --key=value} overrides with the keys of {@code warren.conf}. Immutable.
 *
 * @param configFile the file named by {@code --config}, if any
 * @param overrides  the {@code --key=value} settings in the order given
 * @param help       whether {@code --help} (or {@code -h}) was given
 * @param verbose    whether {@code --verbose} was given: errors are printed with their stack trace
 */
public record LaunchOptions(Optional<Path> configFile, List<ConfigEntry> overrides, boolean help, boolean verbose) {

    /** The configuration file read when {@code --config} is not given, if it exists. */
    public static final Path DEFAULT_CONFIG_FILE = Path.of("warren.conf");

    public LaunchOptions {
        overrides = List.copyOf(overrides);
    }

    /**
     * Parses {@code args}.
     *
     * @throws InvalidConfigException for an argument that is not of the forms above
     */
    public static LaunchOptions parse(String... args) {
        Optional<Path> config = Optional.empty();
        List<ConfigEntry> overrides = new ArrayList<>();
        boolean help = false;
        boolean verbose = false;
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.equals("--verbose")) {
                verbose = true;
            } else if (arg.startsWith("--") && arg.indexOf('=') > 2) {
                int eq = arg.indexOf('=');
                String key = arg.substring(2, eq).strip();
                String value = arg.substring(eq + 1).strip();
                if (key.equals("config")) {
                    if (value.isEmpty()) {
                        throw new InvalidConfigException(ConfigEntry.COMMAND_LINE, "--config", "expected a file name");
                    }
                    config = Optional.of(Path.of(value));
                } else {
                    overrides.add(ConfigEntry.fromCommandLine(key, value));
                }
            } else {
                throw new InvalidConfigException(ConfigEntry.COMMAND_LINE, arg,
                        "expected --key=value, --config=FILE, --verbose or --help");
            }
        }
        return new LaunchOptions(config, overrides, help, verbose);
    }

    /**
     * The file to read: the one named by {@code --config}, which must exist, else {@code ./warren.conf} if it
     * exists, else none (built-in defaults).
     */
    public Optional<Path> resolveConfigFile() {
        if (configFile.isPresent()) {
            if (!Files.isRegularFile(configFile.get())) {
                throw new InvalidConfigException(ConfigEntry.COMMAND_LINE, "--config",
                        "file not found: " + configFile.get().toAbsolutePath());
            }
            return configFile;
        }
        return Files.isRegularFile(DEFAULT_CONFIG_FILE) ? Optional.of(DEFAULT_CONFIG_FILE) : Optional.empty();
    }
}
