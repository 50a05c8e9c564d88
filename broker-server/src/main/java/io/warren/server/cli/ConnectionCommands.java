package io.warren.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** {@code close connection}: ends a client connection, as {@code rabbitmqctl close_connection}. Stateless. */
final class ConnectionCommands {

    private ConnectionCommands() {
    }

    static List<CommandSpec> all() {
        return List.of(close());
    }

    private static CommandSpec close() {
        return new CommandSpec("close connection", List.of("NAME"),
                List.of(OptionSpec.optional("reason", "TEXT", "told to the client in connection.close")),
                "Closes connection NAME (as list connections shows it; quote it, it has spaces).", invocation -> {
                    String name = invocation.parameter("NAME");
                    String reason = invocation.option("reason", "");
                    checkHeaderValue(reason);
                    ApiPath path = ApiPath.of("connections", name);
                    JsonNode answer = reason.isEmpty() ? invocation.client().delete(path)
                            : invocation.client().delete(path, Map.of("X-Reason", reason));
                    invocation.done("closed connection '" + name + "'", answer);
                });
    }

    /** The reason travels in the {@code X-Reason} header, which takes one line of Latin-1 text. */
    private static void checkHeaderValue(String reason) {
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            if (c > 0xFF || c < 0x20 && c != '\t' || c == 0x7F) {
                throw new UsageException("--reason: one line of Latin-1 text, without control characters");
            }
        }
    }
}
