package io.warren.broker.management.jmx;

import io.warren.broker.VirtualHost;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The object names of one broker's MBeans, shaped like Artemis's so that jconsole shows them as a tree
 * (broker, then virtual host, then component, then object):
 * <pre>
 * io.warren:type=Broker,name=BROKER
 * io.warren:type=Broker,name=BROKER,vhost=VHOST
 * io.warren:type=Broker,name=BROKER,vhost=VHOST,component=exchanges,exchange=EXCHANGE
 * io.warren:type=Broker,name=BROKER,vhost=VHOST,component=queues,queue=QUEUE
 * io.warren:type=Broker,name=BROKER,vhost=VHOST,component=connections,connection=ID
 * </pre>
 * A value is quoted with {@link ObjectName#quote} only when it holds a character an unquoted value may not
 * ({@code ,=:"*?}, a newline), a space or a backslash, so ordinary names stay readable; the default virtual
 * host is {@code vhost=/}. The default exchange, whose name is empty, appears as
 * {@code exchange="amq.default"}: quoted, as RabbitMQ spells it in management paths, and never a real exchange's
 * name, since names starting with {@code amq.} belong to the broker. Immutable.
 */
public final class JmxNames {
    /** The JMX domain of every Warren MBean. */
    public static final String DOMAIN = "io.warren";
    /** The key value standing for the default exchange, whose name is empty. */
    public static final String DEFAULT_EXCHANGE = ObjectName.quote("amq.default");

    private final String broker;

    /** The names of the MBeans of the broker called {@code brokerName}. */
    public JmxNames(String brokerName) {
        this.broker = DOMAIN + ":type=Broker,name=" + value(brokerName);
    }

    public ObjectName broker() {
        return name(broker);
    }

    /** A pattern matching every MBean of this broker, the broker's own included. */
    public ObjectName all() {
        return name(broker + ",*");
    }

    public ObjectName virtualHost(String vhost) {
        return name(vhostPrefix(vhost));
    }

    /** A pattern matching every MBean of one component ({@code queues}, ...) of a virtual host. */
    public ObjectName component(String vhost, String component) {
        return name(vhostPrefix(vhost) + ",component=" + component + ",*");
    }

    public ObjectName exchange(String vhost, String exchange) {
        String e = VirtualHost.DEFAULT_EXCHANGE.equals(exchange) ? DEFAULT_EXCHANGE : value(exchange);
        return name(vhostPrefix(vhost) + ",component=exchanges,exchange=" + e);
    }

    public ObjectName queue(String vhost, String queue) {
        return name(vhostPrefix(vhost) + ",component=queues,queue=" + value(queue));
    }

    public ObjectName connection(String vhost, String connectionId) {
        return name(vhostPrefix(vhost) + ",component=connections,connection=" + value(connectionId));
    }

    private String vhostPrefix(String vhost) {
        return broker + ",vhost=" + value(vhost);
    }

    /** The name as an ObjectName key value: unchanged when that is legal and readable, quoted otherwise. */
    static String value(String name) {
        if (name.isEmpty()) {
            return ObjectName.quote(name);
        }
        for (int i = 0; i < name.length(); i++) {
            if (",=:\"*?\\\n ".indexOf(name.charAt(i)) >= 0) {
                return ObjectName.quote(name);
            }
        }
        return name;
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (MalformedObjectNameException e) {
            // value() quotes whatever ObjectName could reject, so this is a bug, not bad input.
            throw new IllegalStateException("cannot build the object name " + text, e);
        }
    }
}
