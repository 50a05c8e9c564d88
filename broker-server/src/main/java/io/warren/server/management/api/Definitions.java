package io.warren.server.management.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A definitions file, RabbitMQ's export format: the broker's users, vhosts, permissions and the topology
 * worth restoring (see {@link DefinitionsExport}). A file for one vhost leaves out users, vhosts and
 * permissions, and its entries name no vhost (an import puts them in the vhost of its path). Immutable.
 *
 * @param productName    {@code Warren}
 * @param productVersion the version that wrote the file
 * @param users          users with their password hashes and tags; null (left out) for one vhost
 * @param vhosts         the vhosts; null for one vhost
 * @param permissions    every user's permissions; null for one vhost
 * @param queues         the queues
 * @param exchanges      the exchanges
 * @param bindings       the bindings between them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Definitions(String productName, String productVersion, List<UserView> users, List<VhostEntry> vhosts,
                   List<PermissionView> permissions, List<QueueEntry> queues, List<ExchangeEntry> exchanges,
                   List<BindingEntry> bindings) {

    /** Names of queues and exchanges that belong to the broker, which files neither hold nor declare. */
    static final String BROKER_OWNED = "amq.";

    /** A vhost. */
    record VhostEntry(String name) {
    }

    /** A queue; {@code vhost} null (left out) in a file for one vhost. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record QueueEntry(String name, String vhost, boolean durable, boolean autoDelete, Map<String, Object> arguments) {
    }

    /** An exchange; {@code vhost} null (left out) in a file for one vhost. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ExchangeEntry(String name, String vhost, String type, boolean durable, boolean autoDelete,
                         boolean internal, Map<String, Object> arguments) {
    }

    /** A binding; {@code vhost} null (left out) in a file for one vhost. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BindingEntry(String source, String vhost, String destination, String destinationType, String routingKey,
                        Map<String, Object> arguments) {
    }
}
