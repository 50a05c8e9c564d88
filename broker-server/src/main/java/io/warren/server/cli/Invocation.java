package io.warren.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * One run of one command: its checked command line with typed access to values, the global options, the client
 * and the streams. Used by one thread.
 */
final class Invocation {
    private final CommandSpec command;
    private final Arguments arguments;
    private final GlobalOptions global;
    private final ManagementClient client;
    private final PrintStream out;
    private final InputStream in;

    Invocation(CommandSpec command, Arguments arguments, GlobalOptions global, ManagementClient client,
               PrintStream out, InputStream in) {
        this.command = command;
        this.arguments = arguments;
        this.global = global;
        this.client = client;
        this.out = out;
        this.in = in;
    }

    /**
     * The word given for {@code placeholder} ({@code NAME}).
     *
     * @throws UsageException when it is empty: no object has an empty name in a path
     */
    String parameter(String placeholder) {
        String value = arguments.words().get(command.words().size() + command.parameters().indexOf(placeholder));
        if (value.isEmpty()) {
            throw new UsageException(command.name() + ": " + placeholder + " is empty");
        }
        return value;
    }

    /** The value of {@code --name}, or {@code fallback}. */
    String option(String name, String fallback) {
        return arguments.option(name).orElse(fallback);
    }

    boolean has(String name) {
        return arguments.has(name);
    }

    /** The value of a required option; {@link CommandSpec#check} has made sure it is there. */
    String required(String name) {
        return arguments.option(name).orElseThrow();
    }

    boolean flag(String name, boolean fallback) {
        return arguments.flag(name, fallback);
    }

    /**
     * A whole number of at least 1.
     *
     * @throws UsageException for anything else
     */
    int positive(String name, int fallback) {
        String value = arguments.option(name).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + name + ": expected a whole number of at least 1, got '" + value + "'");
    }

    /** The JSON object given as {@code --name}, or an empty one. */
    ObjectNode jsonObject(String name) {
        return arguments.option(name).map(text -> Json.objectOption(name, text)).orElseGet(Json::object);
    }

    String vhost() {
        return global.vhost();
    }

    /** Whether {@code --vhost} was given rather than defaulted. */
    boolean vhostGiven() {
        return global.vhostGiven();
    }

    ManagementClient client() {
        return client;
    }

    /** Prints a result in the chosen format. */
    void print(Table table, JsonNode source) {
        global.format().print(table, source, out);
    }

    /** Reports a change in the chosen format. */
    void done(String message, JsonNode answer) {
        global.format().done(message, answer, out);
    }

    /** Standard output, for what is written there whatever the format (an export to {@code -}). */
    PrintStream out() {
        return out;
    }

    /** Standard input, for {@code import definitions -}. */
    InputStream in() {
        return in;
    }

    /** {@code 'orders' in vhost '/'}, for messages about an object of the virtual host. */
    String inVhost(String name) {
        return "'" + name + "' in vhost '" + global.vhost() + "'";
    }

    /** {@code exchange 'amq.topic'}, or {@code the default exchange} for {@code ""}. */
    static String exchange(String name) {
        return name.isEmpty() ? "the default exchange" : "exchange '" + name + "'";
    }
}
