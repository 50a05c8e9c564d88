package io.warren.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * {@code publish} and {@code get}: messages through the management API, for tests by hand and for inspecting a
 * queue. Not a way to move volume; every message is one HTTP request. Stateless.
 */
final class MessageCommands {
    private static final Set<String> ACK_MODES = Set.of("ack_requeue_true", "ack_requeue_false",
            "reject_requeue_true", "reject_requeue_false");
    private static final List<Column> MESSAGE_COLUMNS = List.of(Column.field("routing_key"),
            Column.field("exchange"), Column.field("redelivered"), Column.field("message_count"),
            Column.field("payload_bytes"), Column.field("payload_encoding"), Column.field("payload"));

    private MessageCommands() {
    }

    static List<CommandSpec> all() {
        return List.of(publish(), get());
    }

    private static CommandSpec publish() {
        List<OptionSpec> options = List.of(
                OptionSpec.optional("exchange", "EXCHANGE", "where to publish (default: the default exchange, "
                        + "which routes to the queue named by the routing key)"),
                OptionSpec.required("routing-key", "KEY", "routing key (may be empty: --routing-key=)"),
                OptionSpec.required("payload", "TEXT", "the message body"),
                OptionSpec.optional("payload-encoding", "string|base64", "how --payload is written (default string)"),
                OptionSpec.optional("properties", "JSON", "AMQP properties such as {\"delivery_mode\":2,"
                        + "\"headers\":{\"k\":\"v\"}}"));
        return new CommandSpec("publish", List.of(), options,
                "Publishes one message; says whether a queue took it (routed) or not.", invocation -> {
                    String exchange = invocation.option("exchange", "");
                    String routingKey = invocation.required("routing-key");
                    String payload = invocation.required("payload");
                    String encoding = invocation.option("payload-encoding", "string");
                    checkPayload(payload, encoding);
                    ObjectNode body = Json.object();
                    body.set("properties", invocation.jsonObject("properties"));
                    body.put("routing_key", routingKey).put("payload", payload).put("payload_encoding", encoding);
                    JsonNode answer = invocation.client().post(
                            ApiPath.of("exchanges", invocation.vhost(), ApiPath.exchange(exchange), "publish"), body);
                    String published = "published to " + Invocation.exchange(exchange) + " with routing key '"
                            + routingKey + "'";
                    invocation.done(answer.path("routed").asBoolean(false) ? published
                            : published + ", but no queue took it (not routed)", answer);
                });
    }

    private static void checkPayload(String payload, String encoding) {
        if (encoding.equals("base64")) {
            try {
                Base64.getDecoder().decode(payload);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--payload is not base64: " + e.getMessage());
            }
        } else if (!encoding.equals("string")) {
            throw new UsageException("--payload-encoding: expected string or base64, got '" + encoding + "'");
        }
    }

    private static CommandSpec get() {
        List<OptionSpec> options = List.of(
                OptionSpec.required("queue", "NAME", "the queue to take messages from"),
                OptionSpec.optional("count", "N", "at most this many messages (default 1)"),
                OptionSpec.optional("ackmode", "MODE", "ack_requeue_true (default: look, leave them in the queue), "
                        + "ack_requeue_false (take them), reject_requeue_true, reject_requeue_false"),
                OptionSpec.optional("encoding", "auto|base64", "payload as text where it is UTF-8 (auto, default) "
                        + "or always base64"),
                OptionSpec.optional("truncate", "BYTES", "cut payloads longer than this"));
        return new CommandSpec("get", List.of(), options,
                "Gets messages from --queue; with the default ackmode they go back into the queue, marked "
                        + "redelivered.", invocation -> {
                    String queue = invocation.required("queue");
                    String ackMode = invocation.option("ackmode", "ack_requeue_true");
                    if (!ACK_MODES.contains(ackMode)) {
                        throw new UsageException("--ackmode: expected one of ack_requeue_true, ack_requeue_false, "
                                + "reject_requeue_true, reject_requeue_false; got '" + ackMode + "'");
                    }
                    String encoding = invocation.option("encoding", "auto");
                    if (!encoding.equals("auto") && !encoding.equals("base64")) {
                        throw new UsageException("--encoding: expected auto or base64, got '" + encoding + "'");
                    }
                    if (queue.isEmpty()) {
                        throw new UsageException("--queue is empty");
                    }
                    ObjectNode body = Json.object().put("count", invocation.positive("count", 1))
                            .put("ackmode", ackMode).put("encoding", encoding);
                    if (invocation.has("truncate")) {
                        body.put("truncate", invocation.positive("truncate", Integer.MAX_VALUE));
                    }
                    JsonNode messages = invocation.client().post(
                            ApiPath.of("queues", invocation.vhost(), queue, "get"), body);
                    invocation.print(Table.of(MESSAGE_COLUMNS, messages), messages);
                });
    }
}
