package io.warren.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code list} commands: the request each sends and the columns it shows. Objects that live in a virtual
 * host (queues, exchanges, bindings, connections, channels, consumers) are listed for {@code --vhost}, or for
 * every virtual host with {@code --all-vhosts}; users, virtual hosts and permissions for the whole broker.
 * Stateless.
 */
final class ListCommands {

    private ListCommands() {
    }

    static List<CommandSpec> all() {
        return List.of(
                inVhost("queues", v -> ApiPath.of("queues", v), ApiPath.of("queues"), List.of(
                        Column.field("vhost"), Column.field("name"), Column.field("messages"),
                        Column.field("ready", "messages_ready"), Column.field("unacked", "messages_unacknowledged"),
                        Column.field("consumers"))),
                inVhost("exchanges", v -> ApiPath.of("exchanges", v), ApiPath.of("exchanges"), List.of(
                        Column.field("vhost"), Column.field("name"), Column.field("type"), Column.field("durable"))),
                inVhost("bindings", v -> ApiPath.of("bindings", v), ApiPath.of("bindings"), List.of(
                        Column.field("vhost"), Column.field("source"), Column.field("destination"),
                        Column.field("destination_type"), Column.field("routing_key"))),
                inVhost("connections", v -> ApiPath.of("vhosts", v, "connections"), ApiPath.of("connections"),
                        List.of(Column.field("name"), Column.field("user"), Column.field("vhost"),
                                Column.field("protocol"), new Column("peer", ListCommands::peer),
                                Column.field("channels"))),
                inVhost("channels", v -> ApiPath.of("vhosts", v, "channels"), ApiPath.of("channels"), List.of(
                        Column.field("name"), Column.field("user"), Column.field("vhost"),
                        Column.field("consumers", "consumer_count"), Column.field("unacked", "messages_unacknowledged"),
                        Column.field("prefetch", "prefetch_count"), Column.field("confirm"),
                        Column.field("transactional"))),
                inVhost("consumers", v -> ApiPath.of("consumers", v), ApiPath.of("consumers"), List.of(
                        Column.field("vhost", "queue.vhost"), Column.field("queue", "queue.name"),
                        Column.field("consumer_tag"), Column.field("channel", "channel_details.name"),
                        Column.field("ack_required"), Column.field("prefetch", "prefetch_count"),
                        Column.field("exclusive"))),
                broker("users", "Users", List.of(Column.field("name"), Column.field("tags"))),
                broker("vhosts", "Virtual hosts", List.of(Column.field("name"), Column.field("messages"),
                        Column.field("ready", "messages_ready"), Column.field("unacked", "messages_unacknowledged"))),
                broker("permissions", "Permissions of users in virtual hosts", List.of(Column.field("user"), Column.field("vhost"), Column.field("configure"),
                        Column.field("write"), Column.field("read"))));
    }

    private static CommandSpec inVhost(String what, Function<String, ApiPath> inVhost, ApiPath everywhere,
                                       List<Column> columns) {
        OptionSpec allVhosts = OptionSpec.flag("all-vhosts", "list " + what + " of every virtual host");
        String summary = capitalized(what) + " of --vhost, or of every virtual host with --all-vhosts; columns: "
                + headers(columns) + ".";
        return new CommandSpec("list " + what, List.of(), List.of(allVhosts), summary, invocation -> {
            boolean all = invocation.flag("all-vhosts", false);
            if (all && invocation.vhostGiven()) {
                throw new UsageException("list " + what + ": give --vhost or --all-vhosts, not both");
            }
            show(invocation, all ? everywhere : inVhost.apply(invocation.vhost()), columns);
        });
    }

    private static CommandSpec broker(String what, String label, List<Column> columns) {
        String summary = label + " of the whole broker; columns: " + headers(columns) + ".";
        return new CommandSpec("list " + what, List.of(), List.of(), summary,
                invocation -> show(invocation, ApiPath.of(what), columns));
    }

    private static void show(Invocation invocation, ApiPath path, List<Column> columns) {
        JsonNode items = invocation.client().get(path);
        invocation.print(Table.of(columns, items), items);
    }

    /** {@code host:port}, with an IPv6 host in brackets; empty for a connection without a peer (in-JVM). */
    private static String peer(JsonNode connection) {
        String host = Json.text(connection.path("peer_host"));
        String port = Json.text(connection.path("peer_port"));
        if (host.isEmpty()) {
            return "";
        }
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return port.isEmpty() ? shown : shown + ":" + port;
    }

    private static String headers(List<Column> columns) {
        return columns.stream().map(Column::header).collect(Collectors.joining(" "));
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
