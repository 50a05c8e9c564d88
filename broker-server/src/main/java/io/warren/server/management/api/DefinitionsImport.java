package io.warren.server.management.api;

import io.warren.broker.Broker;
import io.warren.broker.BrokerException;
import io.warren.broker.VirtualHost;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.UserStore;
import io.warren.server.management.http.ApiException;
import io.warren.server.management.http.JsonBody;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Reads a definitions file (see {@link Definitions}) and applies it: vhosts, users, permissions, exchanges,
 * queues and bindings, in that order. The whole file is checked before anything is applied, against the
 * broker as it is and against the file's own earlier entries, so a bad file changes nothing; the first
 * problem is reported as a 400 naming the section, the entry's index and what is wrong ({@code "definitions
 * queues[2]: queue 'orders' in vhost 'x': vhost 'x' does not exist and the file does not create it"}).
 * Entries equal to what exists are declared again harmlessly, so importing the same file twice is fine.
 *
 * <p>Users keep the {@code password_hash} of the file, which must be Warren's {@code pbkdf2-sha256$...}
 * format (RabbitMQ's hashes cannot be verified by Warren); an existing user gets the file's hash and tags.
 * Importing into one vhost ({@link #intoVhost}) takes only queues, exchanges and bindings, and puts them all
 * in that vhost whatever their {@code vhost} field says, as RabbitMQ does.
 *
 * <p>Only a change made by someone else between the check and the end of the import (a queue declared
 * otherwise meanwhile) can still fail midway; that failure says which step it was and that the steps before
 * it were applied. One import per instance; used by one request thread.
 */
final class DefinitionsImport {
    private record PlannedUser(String name, String passwordHash, Set<String> tags) {
    }

    private record PlannedBinding(String vhost, String source, String destination, boolean toQueue,
                                  String routingKey, Map<String, Object> arguments) {
    }

    /** An exchange or queue by vhost and name. */
    private record Key(String vhost, String name) {
    }

    private final Broker broker;
    private final UserStore users;
    private final String onlyVhost;
    private final Set<String> vhosts = new LinkedHashSet<>();
    private final Map<String, PlannedUser> plannedUsers = new LinkedHashMap<>();
    private final List<PermissionView> permissions = new ArrayList<>();
    private final Map<Key, ExchangeDeclaration> exchanges = new LinkedHashMap<>();
    private final Map<Key, QueueDeclaration> queues = new LinkedHashMap<>();
    private final List<PlannedBinding> bindings = new ArrayList<>();

    private DefinitionsImport(Broker broker, UserStore users, String onlyVhost) {
        this.broker = broker;
        this.users = users;
        this.onlyVhost = onlyVhost;
    }

    /** An import of a whole broker's file. */
    static DefinitionsImport whole(Broker broker, UserStore users) {
        return new DefinitionsImport(broker, users, null);
    }

    /** An import of a file's topology into the existing {@code vhost}. */
    static DefinitionsImport intoVhost(Broker broker, UserStore users, String vhost) {
        return new DefinitionsImport(broker, users, vhost);
    }

    /**
     * Checks {@code file}, then applies it.
     *
     * @throws ApiException 400 naming the first problem; nothing was applied
     * @throws BrokerException when the broker changed meanwhile and a step failed; the steps before it stay
     */
    void run(JsonBody file) {
        if (onlyVhost == null) {
            each(file, "vhosts", this::readVhost);
            each(file, "users", this::readUser);
            each(file, "permissions", this::readPermission);
        }
        each(file, "exchanges", e -> readDeclaration(e, "exchange", ExchangeDeclaration::read, exchanges));
        each(file, "queues", e -> readDeclaration(e, "queue", QueueDeclaration::read, queues));
        each(file, "bindings", this::readBinding);
        apply();
    }

    /** Reads every entry of {@code section}; a problem in one is a 400 naming it. */
    private static void each(JsonBody file, String section, Consumer<JsonBody> reader) {
        List<JsonBody> entries;
        try {
            entries = file.objectList(section);
        } catch (ApiException e) {
            throw ApiException.badRequest("definitions: " + e.reason());
        }
        for (int i = 0; i < entries.size(); i++) {
            try {
                reader.accept(entries.get(i));
            } catch (ApiException | BrokerException | IllegalArgumentException e) {
                throw ApiException.badRequest("definitions " + section + "[" + i + "]: " + e.getMessage());
            }
        }
    }

    private void readVhost(JsonBody entry) {
        String name = entry.requiredString("name");
        if (name.isEmpty()) {
            throw ApiException.badRequest("the vhost name is empty");
        }
        vhosts.add(name);
    }

    private void readUser(JsonBody entry) {
        String name = entry.requiredString("name");
        String hash = entry.requiredString("password_hash");
        String algorithm = entry.string("hashing_algorithm").orElse(PasswordHasher.SCHEME);
        try {
            if (!algorithm.equals(PasswordHasher.SCHEME)) {
                throw new IllegalArgumentException("hashing_algorithm is '" + algorithm + "'");
            }
            PasswordHasher.checkEncoding(hash);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("user '" + name + "': " + e.getMessage() + "; Warren imports only its "
                    + "own password hashes, " + PasswordHasher.SCHEME + "$<iterations>$<salt base64>$<hash base64> "
                    + "(set the password with PUT /api/users/" + name + " instead)");
        }
        plannedUsers.put(name, new PlannedUser(name, hash,
                Set.copyOf(entry.stringList("tags").orElse(List.of()))));
    }

    private void readPermission(JsonBody entry) {
        PermissionView p = new PermissionView(entry.requiredString("user"), entry.requiredString("vhost"),
                entry.requiredString("configure"), entry.requiredString("write"), entry.requiredString("read"));
        String what = "permissions of user '" + p.user() + "' in vhost '" + p.vhost() + "': ";
        if (users.user(p.user()).isEmpty() && !plannedUsers.containsKey(p.user())) {
            throw ApiException.badRequest(what + "user '" + p.user() + "' does not exist and the file does not "
                    + "create it");
        }
        checkVhost(what, p.vhost());
        UserStore.checkPermissions(p.user(), p.vhost(), p.configure(), p.write(), p.read());
        permissions.add(p);
    }

    /** Reads an exchange ({@code kind} "exchange") or queue entry with {@code reader} into {@code planned}. */
    private <D extends Declaration> void readDeclaration(JsonBody entry, String kind,
                                                         BiFunction<String, JsonBody, D> reader,
                                                         Map<Key, D> planned) {
        String name = entry.requiredString("name");
        String vhost = vhostOf(entry);
        String what = kind + " '" + name + "' in vhost '" + vhost + "': ";
        if (name.isEmpty() || name.startsWith(Definitions.BROKER_OWNED)) {
            throw ApiException.badRequest(what + "the empty name and names starting with '"
                    + Definitions.BROKER_OWNED + "' belong to the broker");
        }
        VirtualHost existing = checkVhost(what, vhost);
        D declaration = reader.apply(name, entry);
        D earlier = planned.putIfAbsent(new Key(vhost, name), declaration);
        if (earlier != null && !earlier.equals(declaration)) {
            throw ApiException.badRequest(what + "declared twice with different properties");
        }
        try {
            declaration.checkAgainst(existing);
        } catch (BrokerException e) {
            throw ApiException.badRequest(what + e.getMessage());
        }
    }

    private void readBinding(JsonBody entry) {
        String source = entry.requiredString("source");
        String vhost = vhostOf(entry);
        String destination = entry.requiredString("destination");
        String type = entry.requiredString("destination_type");
        String what = "binding from '" + source + "' to " + type + " '" + destination + "' in vhost '" + vhost
                + "': ";
        if (!type.equals(BindingView.QUEUE) && !type.equals(BindingView.EXCHANGE)) {
            throw ApiException.badRequest(what + "destination_type must be 'queue' or 'exchange'");
        }
        if (source.isEmpty()) {
            throw ApiException.badRequest(what + "the default exchange cannot be bound: it routes by queue name");
        }
        boolean toQueue = type.equals(BindingView.QUEUE);
        VirtualHost existing = checkVhost(what, vhost);
        if (!exchangeKnown(existing, vhost, source)) {
            throw ApiException.badRequest(what + "exchange '" + source + "' does not exist and the file does not "
                    + "declare it");
        }
        boolean destinationKnown = toQueue
                ? queues.containsKey(new Key(vhost, destination)) || existing != null && existing.hasQueue(destination)
                : exchangeKnown(existing, vhost, destination);
        if (!destinationKnown) {
            throw ApiException.badRequest(what + type + " '" + destination + "' does not exist and the file does "
                    + "not declare it");
        }
        bindings.add(new PlannedBinding(vhost, source, destination, toQueue,
                entry.string("routing_key").orElse(""), ArgumentTables.read(entry, "arguments")));
    }

    private boolean exchangeKnown(VirtualHost existing, String vhost, String name) {
        if (exchanges.containsKey(new Key(vhost, name))) {
            return true;
        }
        if (existing != null) {
            return existing.hasExchange(name);
        }
        // A vhost the file creates will have the exchanges every vhost has, the default vhost's amq.* ones.
        return name.startsWith(Definitions.BROKER_OWNED) && broker.defaultVirtualHost().hasExchange(name);
    }

    private String vhostOf(JsonBody entry) {
        return onlyVhost != null ? onlyVhost : entry.requiredString("vhost");
    }

    /** The vhost if it exists, null if the file creates it; a 400 if neither. */
    private VirtualHost checkVhost(String what, String vhost) {
        if (broker.virtualHostNames().contains(vhost)) {
            return broker.virtualHost(vhost);
        }
        if (!vhosts.contains(vhost)) {
            throw ApiException.badRequest(what + "vhost '" + vhost + "' does not exist and the file does not "
                    + "create it");
        }
        return null;
    }

    private void apply() {
        String step = "vhosts";
        try {
            vhosts.forEach(broker::createVirtualHost);
            step = "users";
            for (PlannedUser u : plannedUsers.values()) {
                if (users.user(u.name()).isPresent()) {
                    users.changePasswordHash(u.name(), u.passwordHash());
                    users.setTags(u.name(), u.tags());
                } else {
                    users.addUserWithHash(u.name(), u.passwordHash(), u.tags());
                }
            }
            step = "permissions";
            for (PermissionView p : permissions) {
                users.setPermissions(p.user(), p.vhost(), p.configure(), p.write(), p.read());
            }
            step = "exchanges";
            exchanges.forEach((key, e) -> e.declare(broker.virtualHost(key.vhost())));
            step = "queues";
            queues.forEach((key, q) -> q.declare(broker.virtualHost(key.vhost())));
            step = "bindings";
            for (PlannedBinding b : bindings) {
                VirtualHost vhost = broker.virtualHost(b.vhost());
                if (b.toQueue()) {
                    vhost.queueBind(null, b.destination(), b.source(), b.routingKey(), b.arguments());
                } else {
                    vhost.exchangeBind(b.destination(), b.source(), b.routingKey(), b.arguments());
                }
            }
        } catch (BrokerException e) {
            throw new BrokerException(e.code(), "definitions applied up to " + step + ", then the broker refused: "
                    + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("definitions applied up to " + step + ", then the user store refused: "
                    + e.getMessage());
        }
    }
}
