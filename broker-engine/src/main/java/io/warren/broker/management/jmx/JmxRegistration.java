package io.warren.broker.management.jmx;

import io.warren.thread.WarrenThreads;
import io.warren.broker.Broker;
import io.warren.broker.BrokerException;
import io.warren.broker.ClientConnection;
import io.warren.broker.VirtualHost;
import io.warren.broker.management.BrokerEventListener;
import io.warren.broker.management.ExchangeInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one broker's MBeans ({@link JmxNames}) on an {@link MBeanServer} in step with the broker, from
 * {@link #register} to {@link #close}: an MBean for the broker, each virtual host, exchange, queue and client
 * connection, added and removed as the broker's events report them.
 *
 * <p>Threads: broker events arrive on engine threads, often under a virtual host's lock, so the listener only
 * queues the event; a thread of this registration's own ({@code warren-NAME-jmx}, ending when idle) takes
 * them in order and reconciles the one object each names: it looks the object up in the broker and registers or
 * unregisters its MBean to match. Events that come late, twice or out of order therefore still end in the
 * right set of MBeans, though an MBean may appear a moment after its object. The MBeans themselves hold only
 * names and read the broker on every request.
 *
 * <p>The broker's own MBean is registered first and unregistered last: it claims the broker's name on the
 * server, so a second broker of the same name in the JVM finds it taken and runs without JMX.
 */
public final class JmxRegistration implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JmxRegistration.class);
    private static final long IDLE_SECONDS = 10;

    private final Broker broker;
    private final MBeanServer server;
    private final JmxNames names;
    private final ThreadPoolExecutor reconciler;
    private final Events events = new Events();
    private final Object lock = new Object();
    /** The MBeans this registration put on the server; guarded by {@link #lock}. */
    private final Set<ObjectName> registered = new HashSet<>();
    /** Guarded by {@link #lock}. */
    private boolean closed;

    private JmxRegistration(Broker broker, MBeanServer server) {
        this.broker = broker;
        this.server = server;
        this.names = new JmxNames(broker.name());
        // One thread at most, so events are reconciled in the order they came; none while idle.
        this.reconciler = new ThreadPoolExecutor(0, 1, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                WarrenThreads.named("warren-" + broker.name() + "-jmx"), new ThreadPoolExecutor.DiscardPolicy());
    }

    /**
     * Registers the MBeans of {@code broker} and of everything it holds now, and follows its changes until
     * {@link #close()}.
     *
     * @return empty, after a warning in the log, when the broker's name is taken on {@code server} (another
     *     broker of that name runs in the JVM) or the server refuses the broker's MBean
     */
    public static Optional<JmxRegistration> register(Broker broker, MBeanServer server) {
        JmxRegistration r = new JmxRegistration(broker, server);
        return r.start() ? Optional.of(r) : Optional.empty();
    }

    private boolean start() {
        // Listen first, then read what exists: whatever changes in between is reconciled again, harmlessly.
        broker.addEventListener(events);
        ObjectName name = names.broker();
        try {
            server.registerMBean(new BrokerControl(broker), name);
        } catch (InstanceAlreadyExistsException e) {
            LOG.warn("JMX: {} is registered already (another broker named '{}' runs in this JVM); this one has no"
                    + " MBeans", name, broker.name());
            stopFollowing();
            return false;
        } catch (JMException | RuntimeException e) {
            LOG.warn("JMX: cannot register {}; broker '{}' has no MBeans", name, broker.name(), e);
            stopFollowing();
            return false;
        }
        synchronized (lock) {
            registered.add(name);
        }
        for (String vhost : broker.virtualHostNames()) {
            reconcileVirtualHost(vhost);
        }
        LOG.debug("JMX: registered {}", names.all());
        return true;
    }

    /** The names of the MBeans registered here. */
    public JmxNames names() {
        return names;
    }

    /** Stops following the broker and unregisters every MBean registered here, the broker's own last. */
    @Override
    public void close() {
        stopFollowing();
        ObjectName brokerName = names.broker();
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            for (ObjectName n : registered) {
                if (!n.equals(brokerName)) {
                    unregister(n);
                }
            }
            if (registered.contains(brokerName)) {
                unregister(brokerName);
            }
            registered.clear();
        }
    }

    private void stopFollowing() {
        broker.removeEventListener(events);
        reconciler.shutdownNow();
    }

    private void reconcileVirtualHost(String vhost) {
        Optional<VirtualHost> found = host(vhost);
        if (found.isEmpty()) {
            removeVirtualHost(vhost);
            return;
        }
        VirtualHost host = found.get();
        ensure(names.virtualHost(vhost), () -> true, () -> new VirtualHostControl(host));
        for (ExchangeInfo e : host.exchanges()) {
            reconcileExchange(vhost, e.name());
        }
        for (String q : host.queueNames()) {
            reconcileQueue(vhost, q);
        }
        for (ClientConnection c : host.connections()) {
            reconcileConnection(vhost, c.id());
        }
    }

    /** Unregisters the MBeans of a deleted virtual host and of everything that was in it. */
    private void removeVirtualHost(String vhost) {
        String key = names.virtualHost(vhost).getKeyProperty("vhost");
        synchronized (lock) {
            for (ObjectName name : List.copyOf(registered)) {
                if (key.equals(name.getKeyProperty("vhost"))) {
                    registered.remove(name);
                    unregister(name);
                }
            }
        }
    }

    /** The virtual host, or empty once it was deleted: its objects then count as gone. */
    private Optional<VirtualHost> host(String vhost) {
        try {
            return Optional.of(broker.virtualHost(vhost));
        } catch (BrokerException deleted) {
            return Optional.empty();
        }
    }

    private void reconcileExchange(String vhost, String exchange) {
        Optional<VirtualHost> host = host(vhost);
        ensure(names.exchange(vhost, exchange), () -> host.isPresent() && host.get().hasExchange(exchange),
                () -> new ExchangeControl(host.orElseThrow(), exchange));
    }

    private void reconcileQueue(String vhost, String queue) {
        Optional<VirtualHost> host = host(vhost);
        ensure(names.queue(vhost, queue), () -> host.isPresent() && host.get().hasQueue(queue),
                () -> new QueueControl(host.orElseThrow(), queue));
    }

    private void reconcileConnection(String vhost, String id) {
        Optional<VirtualHost> host = host(vhost);
        ensure(names.connection(vhost, id), () -> host.isPresent()
                        && host.get().connections().stream().anyMatch(c -> c.id().equals(id) && c.isOpen()),
                () -> new ConnectionControl(host.orElseThrow(), id));
    }

    /**
     * Registers or unregisters the MBean called {@code name} so that it exists exactly when its object does.
     * The object is looked up under the lock, so of two reconciliations of one name the later one also saw the
     * later state: a stale answer never overrides a fresh one. (The look-ups take no broker lock.)
     */
    private void ensure(ObjectName name, BooleanSupplier objectExists, Supplier<Object> mbean) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            boolean exists = objectExists.getAsBoolean();
            if (exists && !registered.contains(name)) {
                try {
                    server.registerMBean(mbean.get(), name);
                    registered.add(name);
                } catch (InstanceAlreadyExistsException e) {
                    LOG.warn("JMX: {} is registered by someone else; left alone", name);
                } catch (JMException | RuntimeException e) {
                    LOG.warn("JMX: cannot register {}", name, e);
                }
            } else if (!exists && registered.remove(name)) {
                unregister(name);
            }
        }
    }

    private void unregister(ObjectName name) {
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException e) {
            LOG.debug("JMX: {} was unregistered by someone else", name);
        } catch (JMException | RuntimeException e) {
            LOG.warn("JMX: cannot unregister {}", name, e);
        }
    }

    /** Queues a reconciliation; after {@link #close()} the executor discards it. */
    private void later(Runnable reconciliation) {
        reconciler.execute(() -> {
            try {
                reconciliation.run();
            } catch (RuntimeException e) {
                LOG.warn("JMX: following broker '{}' failed", broker.name(), e);
            }
        });
    }

    /** The broker's events, each turned into a reconciliation of the object it names. */
    private final class Events implements BrokerEventListener {
        @Override
        public void virtualHostAdded(String vhost) {
            later(() -> reconcileVirtualHost(vhost));
        }

        @Override
        public void virtualHostRemoved(String vhost) {
            later(() -> reconcileVirtualHost(vhost));
        }

        @Override
        public void exchangeAdded(String vhost, String exchange) {
            later(() -> reconcileExchange(vhost, exchange));
        }

        @Override
        public void exchangeRemoved(String vhost, String exchange) {
            later(() -> reconcileExchange(vhost, exchange));
        }

        @Override
        public void queueAdded(String vhost, String queue) {
            later(() -> reconcileQueue(vhost, queue));
        }

        @Override
        public void queueRemoved(String vhost, String queue) {
            later(() -> reconcileQueue(vhost, queue));
        }

        @Override
        public void connectionOpened(String vhost, String connectionId) {
            later(() -> reconcileConnection(vhost, connectionId));
        }

        @Override
        public void connectionClosed(String vhost, String connectionId) {
            later(() -> reconcileConnection(vhost, connectionId));
        }

        @Override
        public String toString() {
            return "JMX registration of broker '" + broker.name() + "'";
        }
    }
}
