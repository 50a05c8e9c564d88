package io.warren.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code export definitions} and {@code import definitions}: users, virtual hosts, permissions, queues, exchanges
 * and bindings as one JSON document, of the whole broker or, with {@code --vhost}, of one virtual host. A local
 * file that cannot be read or written is a {@link UsageException}. Stateless.
 */
final class DefinitionCommands {
    private static final String STANDARD_STREAM = "-";

    private DefinitionCommands() {
    }

    static List<CommandSpec> all() {
        return List.of(export(), load());
    }

    private static CommandSpec export() {
        return new CommandSpec("export definitions", List.of("FILE"), List.of(),
                "Writes the definitions of the broker (of --vhost, if given) to FILE, or to standard output for -.",
                invocation -> {
                    String file = invocation.parameter("FILE");
                    String text = Json.pretty(invocation.client().get(path(invocation))) + "\n";
                    if (file.equals(STANDARD_STREAM)) {
                        invocation.out().print(text);
                        invocation.out().flush();
                        return;
                    }
                    try {
                        Files.writeString(Path.of(file), text, StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UsageException("cannot write " + file + ": " + describe(e));
                    }
                    invocation.done("exported the definitions of " + scope(invocation) + " to " + file,
                            MissingNode.getInstance());
                });
    }

    private static CommandSpec load() {
        return new CommandSpec("import definitions", List.of("FILE"), List.of(),
                "Creates what FILE (standard input for -) defines in the broker (in --vhost, if given); what "
                        + "exists already is left as it is.", invocation -> {
                    String file = invocation.parameter("FILE");
                    String text;
                    try {
                        text = file.equals(STANDARD_STREAM)
                                ? new String(invocation.in().readAllBytes(), StandardCharsets.UTF_8)
                                : Files.readString(Path.of(file), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UsageException("cannot read " + file + ": " + describe(e));
                    }
                    checkDefinitions(file, text);
                    JsonNode answer = invocation.client().post(path(invocation), text);
                    invocation.done("imported the definitions in " + file + " into " + scope(invocation), answer);
                });
    }

    private static ApiPath path(Invocation invocation) {
        return invocation.vhostGiven() ? ApiPath.of("definitions", invocation.vhost()) : ApiPath.of("definitions");
    }

    private static String scope(Invocation invocation) {
        return invocation.vhostGiven() ? "vhost '" + invocation.vhost() + "'" : "the broker";
    }

    /** Checked here so that a wrong file is named as such rather than answered with the server's 400. */
    private static void checkDefinitions(String file, String text) {
        JsonNode definitions;
        try {
            definitions = Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new UsageException(file + " is not JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ")");
        }
        if (definitions == null || !definitions.isObject()) {
            throw new UsageException(file + ": expected a JSON object of definitions, as export definitions writes");
        }
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
