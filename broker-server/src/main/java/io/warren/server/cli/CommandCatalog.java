package io.warren.server.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every command, in the order the help text lists them, and how typed words find one. Immutable. */
final class CommandCatalog {

    static final List<CommandSpec> COMMANDS = Stream.of(
                    List.of(OverviewCommand.spec()), ListCommands.all(), QueueCommands.all(),
                    ExchangeCommands.all(), MessageCommands.all(), ConnectionCommands.all(), DefinitionCommands.all())
            .flatMap(List::stream)
            .toList();

    private CommandCatalog() {
    }

    /** Names of the options, of any command, that may be given alone to mean {@code true}. */
    static Set<String> booleanOptions() {
        return Stream.concat(GlobalOptions.SPECS.stream(), COMMANDS.stream().flatMap(c -> c.options().stream()))
                .filter(OptionSpec::bool)
                .map(OptionSpec::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The command that {@code words} name, followed by its parameters.
     *
     * @throws UsageException when they name none; the message lists what the first word may be followed by
     */
    static CommandSpec find(List<String> words) {
        return COMMANDS.stream()
                .filter(command -> command.matches(words))
                .max(Comparator.comparingInt(command -> command.words().size()))
                .orElseThrow(() -> unknown(words));
    }

    /** The commands whose words begin with {@code prefix}, or that {@code prefix} names; all for an empty one. */
    static List<CommandSpec> startingWith(List<String> prefix) {
        return COMMANDS.stream()
                .filter(command -> command.matches(prefix) || command.words().size() >= prefix.size()
                        && command.words().subList(0, prefix.size()).equals(prefix))
                .toList();
    }

    private static UsageException unknown(List<String> words) {
        List<CommandSpec> sameVerb = startingWith(words.subList(0, 1));
        if (sameVerb.isEmpty()) {
            return new UsageException("unknown command '" + words.get(0) + "'; warren-ctl help lists the commands");
        }
        String next = sameVerb.stream().map(command -> command.words().get(1)).collect(Collectors.joining(", "));
        return new UsageException(words.size() == 1 ? words.get(0) + " what? one of: " + next
                : "unknown command '" + words.get(0) + " " + words.get(1) + "'; " + words.get(0) + " takes: " + next);
    }
}
