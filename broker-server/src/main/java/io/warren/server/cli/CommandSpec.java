package io.warren.server.cli;

import java.util.Arrays;
import java.util.List;

/**
 * One command as the parser, the checks and the help text see it, with the {@link Action} that runs it.
 * Immutable.
 *
 * @param name       the words that select it: {@code overview}, {@code list queues}
 * @param parameters placeholders of the words that follow the name, in order: {@code NAME}, {@code FILE}
 * @param options    its own options; {@link GlobalOptions#SPECS} apply to every command
 * @param summary    what it does, for the help text
 * @param action     what it does
 */
record CommandSpec(String name, List<String> parameters, List<OptionSpec> options, String summary, Action action) {

    CommandSpec {
        parameters = List.copyOf(parameters);
        options = List.copyOf(options);
    }

    List<String> words() {
        return Arrays.asList(name.split(" "));
    }

    /** Whether {@code typed} begins with this command's words. */
    boolean matches(List<String> typed) {
        List<String> words = words();
        return typed.size() >= words.size() && typed.subList(0, words.size()).equals(words);
    }

    /** {@code warren-ctl delete queue NAME [--if-empty] [--if-unused]}. */
    String usage() {
        StringBuilder usage = new StringBuilder("warren-ctl ").append(name);
        parameters.forEach(p -> usage.append(' ').append(p));
        options.forEach(o -> usage.append(' ').append(o.usage()));
        return usage.toString();
    }

    /**
     * Checks that {@code arguments} fit: as many words as parameters, only known options, the required ones there.
     *
     * @throws UsageException naming the first thing that does not fit
     */
    void check(Arguments arguments) {
        int given = arguments.words().size() - words().size();
        if (given < parameters.size()) {
            throw new UsageException(name + ": missing " + parameters.get(given));
        }
        if (given > parameters.size()) {
            throw new UsageException(name + ": unexpected argument '"
                    + arguments.words().get(words().size() + parameters.size()) + "'");
        }
        for (String option : arguments.options().keySet()) {
            if (find(options, option) == null && find(GlobalOptions.SPECS, option) == null) {
                throw new UsageException(name + ": unknown option --" + option);
            }
        }
        for (OptionSpec option : options) {
            if (option.required() && !arguments.has(option.name())) {
                throw new UsageException(name + ": missing " + option.usage());
            }
        }
    }

    private static OptionSpec find(List<OptionSpec> specs, String name) {
        return specs.stream().filter(spec -> spec.name().equals(name)).findFirst().orElse(null);
    }
}
