package io.warren.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** {@code declare queue}, {@code delete queue} and {@code purge queue}, in {@code --vhost}. Stateless. */
final class QueueCommands {

    private QueueCommands() {
    }

    static List<CommandSpec> all() {
        return List.of(declare(), delete(), purge());
    }

    private static CommandSpec declare() {
        List<OptionSpec> options = List.of(
                OptionSpec.bool("durable", "survives a broker restart (default true)"),
                OptionSpec.bool("auto-delete", "deleted when its last consumer is gone (default false)"),
                OptionSpec.optional("arguments", "JSON", "arguments such as {\"x-message-ttl\":60000,"
                        + "\"x-dead-letter-exchange\":\"dlx\"}"));
        return new CommandSpec("declare queue", List.of("NAME"), options,
                "Declares queue NAME; declaring it again with the same properties changes nothing.", invocation -> {
                    String name = invocation.parameter("NAME");
                    ObjectNode body = Json.object()
                            .put("durable", invocation.flag("durable", true))
                            .put("auto_delete", invocation.flag("auto-delete", false));
                    body.set("arguments", invocation.jsonObject("arguments"));
                    JsonNode answer = invocation.client().put(ApiPath.of("queues", invocation.vhost(), name), body);
                    invocation.done("declared queue " + invocation.inVhost(name), answer);
                });
    }

    private static CommandSpec delete() {
        List<OptionSpec> options = List.of(
                OptionSpec.flag("if-empty", "only if it holds no messages"),
                OptionSpec.flag("if-unused", "only if it has no consumers"));
        return new CommandSpec("delete queue", List.of("NAME"), options,
                "Deletes queue NAME and the messages in it.", invocation -> {
                    String name = invocation.parameter("NAME");
                    ApiPath path = ApiPath.of("queues", invocation.vhost(), name);
                    if (invocation.flag("if-empty", false)) {
                        path = path.withQuery("if-empty", "true");
                    }
                    if (invocation.flag("if-unused", false)) {
                        path = path.withQuery("if-unused", "true");
                    }
                    JsonNode answer = invocation.client().delete(path);
                    invocation.done("deleted queue " + invocation.inVhost(name), answer);
                });
    }

    private static CommandSpec purge() {
        return new CommandSpec("purge queue", List.of("NAME"), List.of(),
                "Removes the ready messages of queue NAME; unacknowledged ones stay with their consumers.",
                invocation -> {
                    String name = invocation.parameter("NAME");
                    JsonNode answer = invocation.client()
                            .delete(ApiPath.of("queues", invocation.vhost(), name, "contents"));
                    invocation.done("purged queue " + invocation.inVhost(name), answer);
                });
    }
}
