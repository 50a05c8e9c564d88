package io.warren.broker.security;

import io.warren.broker.exchange.Exchange;
import io.warren.broker.queue.QueueArguments;
import java.util.Map;
import java.util.Objects;

/**
 * Checks AMQP operations against the users' per-vhost permissions in a {@link UserStore}, with RabbitMQ's
 * rules and refusal texts. The protocol layer calls one method per operation:
 *
 * <table>
 * <caption>Permission needed per AMQP 0-9-1 operation (RabbitMQ's access-control table)</caption>
 * <tr><th>operation</th><th>configure</th><th>write</th><th>read</th><th>method</th></tr>
 * <tr><td>connection.open</td><td colspan="3">any permissions entry for the vhost</td>
 *     <td>{@link #checkVhostAccess}</td></tr>
 * <tr><td>exchange.declare (passive=false)</td><td>exchange</td><td></td><td></td>
 *     <td>{@link #checkExchangeDeclare}</td></tr>
 * <tr><td>exchange.declare with alternate-exchange</td><td>exchange</td><td>alternate exchange</td>
 *     <td>exchange</td><td>{@link #checkExchangeDeclareWithAlternate}</td></tr>
 * <tr><td>exchange.delete</td><td>exchange</td><td></td><td></td><td>{@link #checkExchangeDelete}</td></tr>
 * <tr><td>queue.declare (passive=false)</td><td>queue</td><td></td><td></td>
 *     <td>{@link #checkQueueDeclare}</td></tr>
 * <tr><td>queue.declare with x-dead-letter-exchange</td><td>queue</td><td>dead-letter exchange</td>
 *     <td>queue</td><td>{@link #checkQueueDeclareWithDeadLetterExchange}</td></tr>
 * <tr><td>queue.delete</td><td>queue</td><td></td><td></td><td>{@link #checkQueueDelete}</td></tr>
 * <tr><td>queue.purge</td><td></td><td></td><td>queue</td><td>{@link #checkQueuePurge}</td></tr>
 * <tr><td>queue.bind, queue.unbind</td><td></td><td>queue</td><td>exchange</td>
 *     <td>{@link #checkQueueBind}, {@link #checkQueueUnbind}</td></tr>
 * <tr><td>exchange.bind, exchange.unbind</td><td></td><td>destination exchange</td><td>source exchange</td>
 *     <td>{@link #checkExchangeBind}, {@link #checkExchangeUnbind}</td></tr>
 * <tr><td>basic.publish</td><td></td><td>exchange</td><td></td><td>{@link #checkPublish}</td></tr>
 * <tr><td>basic.get</td><td></td><td></td><td>queue</td><td>{@link #checkGet}</td></tr>
 * <tr><td>basic.consume</td><td></td><td></td><td>queue</td><td>{@link #checkConsume}</td></tr>
 * </table>
 *
 * <p>Passive declares need no permission, as in RabbitMQ; the protocol layer skips the check for them.
 * Reserved {@code amq.*} names are the protocol layer's rule, not a permission. The default exchange
 * {@code ""} is matched and reported as {@code amq.default}, as RabbitMQ does, so a publish to it needs write
 * permission on a pattern that finds {@code amq.default}. Names that a queue.declare leaves to the server or
 * that a basic.consume leaves as "the last queue declared" must be resolved before the check.
 *
 * <p>Checks read the store's current state, so a permission change applies to the next operation of every
 * connection. Thread-safe and lock-free; a permitted check makes two hash lookups and, for expressions other
 * than {@code ".*"} and {@code ""}, one lookup of a remembered answer, allocating nothing once a name has
 * been seen. Refusals build their message and so allocate.
 */
public final class AccessControl {

    /** The name RabbitMQ gives the default exchange in permission checks and messages. */
    public static final String DEFAULT_EXCHANGE_NAME = "amq.default";

    private final UserStore users;

    /** Checks against the permissions in {@code users}. */
    public AccessControl(UserStore users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    /**
     * Refuses {@code kind} access to the {@code resource} named {@code name} in {@code vhost} unless the
     * user's permission expression for {@code kind} in that vhost is found in the name.
     *
     * @throws AccessRefusedException with reply code 403 and text {@code "access to queue 'q1' in vhost '/'
     *     refused for user 'bob'"}
     */
    public void check(User user, String vhost, PermissionKind kind, ResourceKind resource, String name) {
        String effectiveName = resource == ResourceKind.EXCHANGE && name.isEmpty() ? DEFAULT_EXCHANGE_NAME : name;
        PermissionMatcher matcher = users.matcher(user.name(), vhost);
        if (matcher == null || !matcher.allows(kind, effectiveName)) {
            throw new AccessRefusedException(AccessRefusedException.ACCESS_REFUSED, "access to "
                    + resource.word() + " '" + effectiveName + "' in vhost '" + vhost + "' refused for user '"
                    + user.name() + "'");
        }
    }

    /**
     * Refuses {@code connection.open} of {@code vhost} unless the user has a permissions entry for it (even
     * one of empty expressions, as in RabbitMQ).
     *
     * @throws AccessRefusedException with reply code 530 and text {@code "access to vhost 'x' refused for
     *     user 'bob'"}
     */
    public void checkVhostAccess(User user, String vhost) {
        if (users.matcher(user.name(), vhost) == null) {
            throw new AccessRefusedException(AccessRefusedException.NOT_ALLOWED,
                    "access to vhost '" + vhost + "' refused for user '" + user.name() + "'");
        }
    }

    /** {@code exchange.declare} (not passive): configure on the exchange. */
    public void checkExchangeDeclare(User user, String vhost, String exchange) {
        check(user, vhost, PermissionKind.CONFIGURE, ResourceKind.EXCHANGE, exchange);
    }

    /**
     * {@code exchange.declare} with an {@code alternate-exchange} argument: configure and read on the
     * exchange, write on the alternate exchange.
     */
    public void checkExchangeDeclareWithAlternate(User user, String vhost, String exchange,
            String alternateExchange) {
        check(user, vhost, PermissionKind.CONFIGURE, ResourceKind.EXCHANGE, exchange);
        check(user, vhost, PermissionKind.WRITE, ResourceKind.EXCHANGE, alternateExchange);
        check(user, vhost, PermissionKind.READ, ResourceKind.EXCHANGE, exchange);
    }

    /**
     * {@code exchange.declare} with its {@code arguments} (null for none): {@link
     * #checkExchangeDeclareWithAlternate} when they name an {@code alternate-exchange}, else {@link
     * #checkExchangeDeclare}.
     */
    public void checkExchangeDeclare(User user, String vhost, String exchange, Map<String, Object> arguments) {
        Object alternate = arguments == null ? null : arguments.get(Exchange.ALTERNATE_EXCHANGE_ARGUMENT);
        if (alternate instanceof String ae) {
            checkExchangeDeclareWithAlternate(user, vhost, exchange, ae);
        } else {
            checkExchangeDeclare(user, vhost, exchange);
        }
    }

    /** {@code exchange.delete}: configure on the exchange. */
    public void checkExchangeDelete(User user, String vhost, String exchange) {
        check(user, vhost, PermissionKind.CONFIGURE, ResourceKind.EXCHANGE, exchange);
    }

    /** {@code queue.declare} (not passive): configure on the queue. */
    public void checkQueueDeclare(User user, String vhost, String queue) {
        check(user, vhost, PermissionKind.CONFIGURE, ResourceKind.QUEUE, queue);
    }

    /**
     * {@code queue.declare} with an {@code x-dead-letter-exchange} argument: configure and read on the queue,
     * write on the dead-letter exchange.
     */
    public void checkQueueDeclareWithDeadLetterExchange(User user, String vhost, String queue,
            String deadLetterExchange) {
        check(user, vhost, PermissionKind.CONFIGURE, ResourceKind.QUEUE, queue);
        check(user, vhost, PermissionKind.WRITE, ResourceKind.EXCHANGE, deadLetterExchange);
        check(user, vhost, PermissionKind.READ, ResourceKind.QUEUE, queue);
    }

    /**
     * {@code queue.declare} with its {@code arguments} (null for none): {@link
     * #checkQueueDeclareWithDeadLetterExchange} when they name an {@code x-dead-letter-exchange}, else {@link
     * #checkQueueDeclare}.
     */
    public void checkQueueDeclare(User user, String vhost, String queue, Map<String, Object> arguments) {
        Object deadLetterExchange = arguments == null ? null : arguments.get(QueueArguments.DEAD_LETTER_EXCHANGE);
        if (deadLetterExchange instanceof String dlx) {
            checkQueueDeclareWithDeadLetterExchange(user, vhost, queue, dlx);
        } else {
            checkQueueDeclare(user, vhost, queue);
        }
    }

    /** {@code queue.delete}: configure on the queue. */
    public void checkQueueDelete(User user, String vhost, String queue) {
        check(user, vhost, PermissionKind.CONFIGURE, ResourceKind.QUEUE, queue);
    }

    /** {@code queue.purge}: read on the queue. */
    public void checkQueuePurge(User user, String vhost, String queue) {
        check(user, vhost, PermissionKind.READ, ResourceKind.QUEUE, queue);
    }

    /** {@code queue.bind}: write on the queue, read on the exchange. */
    public void checkQueueBind(User user, String vhost, String queue, String exchange) {
        check(user, vhost, PermissionKind.WRITE, ResourceKind.QUEUE, queue);
        check(user, vhost, PermissionKind.READ, ResourceKind.EXCHANGE, exchange);
    }

    /** {@code queue.unbind}: the same as {@link #checkQueueBind}. */
    public void checkQueueUnbind(User user, String vhost, String queue, String exchange) {
        checkQueueBind(user, vhost, queue, exchange);
    }

    /** {@code exchange.bind}: write on the destination exchange, read on the source exchange. */
    public void checkExchangeBind(User user, String vhost, String destination, String source) {
        check(user, vhost, PermissionKind.WRITE, ResourceKind.EXCHANGE, destination);
        check(user, vhost, PermissionKind.READ, ResourceKind.EXCHANGE, source);
    }

    /** {@code exchange.unbind}: the same as {@link #checkExchangeBind}. */
    public void checkExchangeUnbind(User user, String vhost, String destination, String source) {
        checkExchangeBind(user, vhost, destination, source);
    }

    /** {@code basic.publish}: write on the exchange ({@code ""} is checked as {@code amq.default}). */
    public void checkPublish(User user, String vhost, String exchange) {
        check(user, vhost, PermissionKind.WRITE, ResourceKind.EXCHANGE, exchange);
    }

    /** {@code basic.consume}: read on the queue. */
    public void checkConsume(User user, String vhost, String queue) {
        check(user, vhost, PermissionKind.READ, ResourceKind.QUEUE, queue);
    }

    /** {@code basic.get}: read on the queue. */
    public void checkGet(User user, String vhost, String queue) {
        check(user, vhost, PermissionKind.READ, ResourceKind.QUEUE, queue);
    }
}
