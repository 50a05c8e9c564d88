package io.warren.server.cli;

/**
 * One option of a command or of every command: what the parser, the checks and the help text need. Immutable.
 *
 * @param name        without the leading {@code --}
 * @param value       what the value is, as the usage line shows it ({@code NAME}, {@code JSON}); empty for a flag
 * @param required    whether the command fails without it
 * @param bool        whether it is a boolean, which may be given alone ({@code --if-empty} means {@code =true})
 * @param description one line for the help text
 */
record OptionSpec(String name, String value, boolean required, boolean bool, String description) {

    static OptionSpec required(String name, String value, String description) {
        return new OptionSpec(name, value, true, false, description);
    }

    static OptionSpec optional(String name, String value, String description) {
        return new OptionSpec(name, value, false, false, description);
    }

    /** A boolean that is off unless given: {@code [--if-empty]}. */
    static OptionSpec flag(String name, String description) {
        return new OptionSpec(name, "", false, true, description);
    }

    /** A boolean with a default shown in the usage line: {@code [--durable=true|false]}. */
    static OptionSpec bool(String name, String description) {
        return new OptionSpec(name, "true|false", false, true, description);
    }

    /** {@code --type=TYPE}, {@code [--count=N]} or {@code [--if-empty]}. */
    String usage() {
        String form = value.isEmpty() ? "--" + name : "--" + name + "=" + value;
        return required ? form : "[" + form + "]";
    }
}
