package io.warren.server.cli;

import java.util.ArrayList;
import java.util.List;

/** The text of {@code warren-ctl help}: every command with its options, the global options, exit codes. Stateless. */
final class HelpText {
    static final String USAGE = "warren-ctl [OPTIONS] COMMAND [ARGUMENTS]";

    private static final int WIDTH = 110;
    private static final int OPTION_COLUMN = 30;

    private static final String INTRODUCTION = """
            Usage: %s
               or: java -jar warren-server.jar ctl [OPTIONS] COMMAND [ARGUMENTS]

            Manages a Warren broker through its management HTTP API (the shape of RabbitMQ's): lists what is in it,
            declares, deletes and purges, publishes and gets messages, exports and imports definitions. Options may
            stand before or after the command; --name=value and --name value are the same.
            """.formatted(USAGE);

    private static final String CLOSING = """

            Exit status: 0 done, 1 the server refused (its reason is printed; 401: the login failed),
            2 wrong command line or unreadable file, 3 the server cannot be reached.

            Examples:
              warren-ctl list queues
              warren-ctl --vhost=orders --format=tsv list connections | cut -f1
              warren-ctl declare queue invoices --arguments='{"x-max-length":10000}'
              warren-ctl declare binding --source=amq.topic --destination=invoices --routing-key='invoice.#'
              warren-ctl publish --exchange=amq.topic --routing-key=invoice.new --payload='{"id":1}'
              warren-ctl get --queue=invoices --count=10
              WARREN_URL=https://broker:15671 WARREN_USER=admin WARREN_PASSWORD=... warren-ctl overview
              warren-ctl export definitions backup.json
            """;

    private HelpText() {
    }

    /** The introduction, the given commands with their options, the global options and the closing notes. */
    static String of(List<CommandSpec> commands) {
        StringBuilder text = new StringBuilder(INTRODUCTION).append("\nCommands:\n");
        for (CommandSpec command : commands) {
            wrap(text, new StringBuilder("  "), command.usage().substring("warren-ctl ".length()), "        ");
            wrap(text, command.summary(), "      ");
            for (OptionSpec option : command.options()) {
                option(text, option);
            }
        }
        text.append("\nOptions of every command:\n");
        GlobalOptions.SPECS.forEach(option -> option(text, option));
        return text.append(CLOSING).toString();
    }

    private static void option(StringBuilder text, OptionSpec option) {
        String form = option.value().isEmpty() ? "--" + option.name() : "--" + option.name() + "=" + option.value();
        String head = "      " + form;
        String indent = " ".repeat(OPTION_COLUMN);
        if (head.length() + 2 > OPTION_COLUMN) {
            text.append(head).append('\n');
            wrap(text, option.description(), indent);
        } else {
            StringBuilder line = new StringBuilder(head).append(" ".repeat(OPTION_COLUMN - head.length()));
            wrap(text, line, option.description(), indent);
        }
    }

    private static void wrap(StringBuilder text, String words, String indent) {
        wrap(text, new StringBuilder(indent), words, indent);
    }

    /** Appends {@code words} to {@code line}, breaking lines at {@link #WIDTH} and indenting the following ones. */
    private static void wrap(StringBuilder text, StringBuilder line, String words, String indent) {
        List<String> lines = new ArrayList<>();
        boolean first = true;
        for (String word : words.split(" ")) {
            if (!first && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
                first = true;
            }
            line.append(first ? "" : " ").append(word);
            first = false;
        }
        lines.add(line.toString());
        lines.forEach(l -> text.append(l.stripTrailing()).append('\n'));
    }
}
