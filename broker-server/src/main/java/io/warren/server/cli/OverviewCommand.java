package io.warren.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code overview}: the broker at a glance, one {@code field value} row per figure (product, node, object and
 * message totals, message rates per second, listeners, memory). Stateless.
 */
final class OverviewCommand {
    private static final List<String> RATES = List.of("publish", "deliver_get", "ack", "redeliver");

    private OverviewCommand() {
    }

    static CommandSpec spec() {
        return new CommandSpec("overview", List.of(), List.of(),
                "Product and version, node, totals of connections, channels, exchanges, queues, consumers and "
                        + "messages, message rates per second, listeners, memory.",
                invocation -> {
                    JsonNode overview = invocation.client().get(ApiPath.of("overview"));
                    invocation.print(table(overview), overview);
                });
    }

    static Table table(JsonNode overview) {
        List<List<String>> rows = new ArrayList<>();
        row(rows, "product", (text(overview, "product_name") + " " + text(overview, "product_version")).strip());
        row(rows, "management_version", text(overview, "management_version"));
        row(rows, "node", text(overview, "node"));
        row(rows, "cluster_name", text(overview, "cluster_name"));
        for (String total : List.of("connections", "channels", "exchanges", "queues", "consumers")) {
            row(rows, total, text(overview, "object_totals." + total));
        }
        row(rows, "messages", text(overview, "queue_totals.messages"));
        row(rows, "messages_ready", text(overview, "queue_totals.messages_ready"));
        row(rows, "messages_unacknowledged", text(overview, "queue_totals.messages_unacknowledged"));
        for (String rate : RATES) {
            row(rows, rate + "_rate", text(overview, "message_stats." + rate + "_details.rate"));
        }
        List<String> listeners = new ArrayList<>();
        overview.path("listeners").forEach(l -> listeners.add(text(l, "protocol") + " " + address(l)));
        row(rows, "listeners", String.join(", ", listeners));
        row(rows, "memory_used", text(overview, "memory.used"));
        row(rows, "memory_limit", text(overview, "memory.limit"));
        row(rows, "memory_alarm", text(overview, "memory.alarm"));
        return new Table(List.of("field", "value"), rows);
    }

    private static String address(JsonNode listener) {
        String ip = text(listener, "ip_address");
        return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + text(listener, "port");
    }

    private static String text(JsonNode node, String dottedPath) {
        return Json.text(Json.at(node, dottedPath));
    }

    private static void row(List<List<String>> rows, String field, String value) {
        rows.add(List.of(field, value));
    }
}
