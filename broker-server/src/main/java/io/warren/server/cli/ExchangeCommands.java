package io.warren.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** {@code declare exchange}, {@code delete exchange} and {@code declare binding}, in {@code --vhost}. Stateless. */
final class ExchangeCommands {

    private ExchangeCommands() {
    }

    static List<CommandSpec> all() {
        return List.of(declare(), delete(), bind());
    }

    private static CommandSpec declare() {
        List<OptionSpec> options = List.of(
                OptionSpec.required("type", "TYPE", "direct, fanout, topic or headers"),
                OptionSpec.bool("durable", "survives a broker restart (default true)"),
                OptionSpec.bool("auto-delete", "deleted when its last binding is gone (default false)"),
                OptionSpec.bool("internal", "takes no publishes, only exchange-to-exchange routing (default false)"),
                OptionSpec.optional("arguments", "JSON", "arguments such as {\"alternate-exchange\":\"unrouted\"}"));
        return new CommandSpec("declare exchange", List.of("NAME"), options,
                "Declares exchange NAME; declaring it again with the same properties changes nothing.",
                invocation -> {
                    String name = invocation.parameter("NAME");
                    ObjectNode body = Json.object()
                            .put("type", invocation.required("type"))
                            .put("durable", invocation.flag("durable", true))
                            .put("auto_delete", invocation.flag("auto-delete", false))
                            .put("internal", invocation.flag("internal", false));
                    body.set("arguments", invocation.jsonObject("arguments"));
                    JsonNode answer = invocation.client().put(ApiPath.of("exchanges", invocation.vhost(), name), body);
                    invocation.done("declared exchange " + invocation.inVhost(name), answer);
                });
    }

    private static CommandSpec delete() {
        return new CommandSpec("delete exchange", List.of("NAME"),
                List.of(OptionSpec.flag("if-unused", "only if it has no bindings")),
                "Deletes exchange NAME and its bindings.", invocation -> {
                    String name = invocation.parameter("NAME");
                    ApiPath path = ApiPath.of("exchanges", invocation.vhost(), name);
                    if (invocation.flag("if-unused", false)) {
                        path = path.withQuery("if-unused", "true");
                    }
                    JsonNode answer = invocation.client().delete(path);
                    invocation.done("deleted exchange " + invocation.inVhost(name), answer);
                });
    }

    private static CommandSpec bind() {
        List<OptionSpec> options = List.of(
                OptionSpec.required("source", "EXCHANGE", "the exchange that routes"),
                OptionSpec.required("destination", "NAME", "the queue (or exchange) it routes to"),
                OptionSpec.optional("destination-type", "queue|exchange", "what --destination is (default queue)"),
                OptionSpec.optional("routing-key", "KEY", "binding key (default empty)"),
                OptionSpec.optional("arguments", "JSON", "arguments, for headers exchanges {\"x-match\":\"all\",...}"));
        return new CommandSpec("declare binding", List.of(), options,
                "Binds --destination to exchange --source with --routing-key.", invocation -> {
                    String source = invocation.required("source");
                    String destination = invocation.required("destination");
                    String type = invocation.option("destination-type", "queue");
                    if (!type.equals("queue") && !type.equals("exchange")) {
                        throw new UsageException("--destination-type: expected queue or exchange, got '" + type + "'");
                    }
                    if (destination.isEmpty()) {
                        throw new UsageException("--destination is empty");
                    }
                    String routingKey = invocation.option("routing-key", "");
                    ObjectNode body = Json.object().put("routing_key", routingKey);
                    body.set("arguments", invocation.jsonObject("arguments"));
                    boolean toQueue = type.equals("queue");
                    ApiPath path = ApiPath.of("bindings", invocation.vhost(), "e", ApiPath.exchange(source),
                            toQueue ? "q" : "e", toQueue ? destination : ApiPath.exchange(destination));
                    JsonNode answer = invocation.client().post(path, body);
                    invocation.done("bound " + type + " " + invocation.inVhost(destination) + " to "
                            + Invocation.exchange(source) + " with routing key '" + routingKey + "'", answer);
                });
    }
}
