package io.warren.server.management.http;

import io.warren.broker.security.User;
import java.util.List;

/**
 * Which users a route admits, by RabbitMQ's management tags. Every API route needs at least {@link
 * #MANAGEMENT}: a user with none of its tags is not a management user and gets 401. A management user who
 * lacks the route's level gets 403 naming the tag it needs. Permissions inside a vhost are the handler's
 * business (through {@code AccessControl}), not this check's.
 *
 * <p>The tags nest as in RabbitMQ: {@code administrator} has every level, {@code monitoring} and {@code
 * policymaker} each include {@code management}. Immutable.
 */
public enum Access {
    /** Any management user: tag management, policymaker, monitoring or administrator. */
    MANAGEMENT("management", List.of("management", "policymaker", "monitoring", User.ADMINISTRATOR)),
    /** Users who may see every vhost and connection: tag monitoring or administrator. */
    MONITORING("monitoring", List.of("monitoring", User.ADMINISTRATOR)),
    /** Users who may set policies and parameters: tag policymaker or administrator. */
    POLICYMAKER("policymaker", List.of("policymaker", User.ADMINISTRATOR)),
    /** Users who may change users, permissions, vhosts and definitions: tag administrator. */
    ADMINISTRATOR(User.ADMINISTRATOR, List.of(User.ADMINISTRATOR));

    private final String tag;
    private final List<String> admittedTags;

    Access(String tag, List<String> admittedTags) {
        this.tag = tag;
        this.admittedTags = admittedTags;
    }

    /** The tag that names this level in refusals, e.g. {@code administrator}. */
    public String tag() {
        return tag;
    }

    /** Whether {@code user} carries a tag that grants this level. */
    public boolean admits(User user) {
        for (String t : admittedTags) {
            if (user.hasTag(t)) {
                return true;
            }
        }
        return false;
    }
}
