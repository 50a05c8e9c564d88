package io.warren.server.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The command line as typed, split into words ({@code list queues}, {@code declare queue orders}) and options,
 * in any order. Immutable.
 *
 * <p>Forms: {@code --name=value}; {@code --name value}; {@code --name} alone for a boolean option (one of the
 * {@code booleanOptions} given to {@link #parse}), meaning {@code true}; {@code -h} for {@code --help}; a lone
 * {@code -} is a word (standard input or output); after {@code --} everything is a word, so names that begin
 * with {@code -} can be given. A repeated option keeps its last value.
 *
 * @param words   the words, in order
 * @param options option name (without {@code --}) to value, in the order first given
 */
record Arguments(List<String> words, Map<String, String> options) {

    Arguments {
        words = List.copyOf(words);
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /**
     * Splits {@code args}.
     *
     * @throws UsageException for {@code -x}, {@code --=...}, or an option other than a boolean one with no value
     *                        after it
     */
    static Arguments parse(String[] args, Set<String> booleanOptions) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        boolean onlyWords = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (onlyWords || arg.equals("-") || !arg.startsWith("-")) {
                words.add(arg);
            } else if (arg.equals("--")) {
                onlyWords = true;
            } else if (arg.equals("-h")) {
                options.put("help", "true");
            } else if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
                if (name.isEmpty()) {
                    throw new UsageException("'" + arg + "' names no option");
                }
                String value;
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                } else if (booleanOptions.contains(name)) {
                    value = "true";
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new UsageException("option --" + name + " needs a value: --" + name + "=VALUE");
                }
                options.put(name, value);
            } else {
                // Only the letter: what follows may be a password typed as -pSECRET.
                throw new UsageException("unknown option '" + arg.substring(0, 2) + "' (options are --name=value)");
            }
        }
        return new Arguments(words, options);
    }

    /** The value of {@code --name}, if given. */
    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    /**
     * A boolean option: {@code fallback} when absent, else {@code true} or {@code false}.
     *
     * @throws UsageException for any other value
     */
    boolean flag(String name, boolean fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new UsageException("--" + name + ": expected true or false, got '" + value + "'");
    }
}
