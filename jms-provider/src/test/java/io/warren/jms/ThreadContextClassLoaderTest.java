package io.warren.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.broker.Broker;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.UserStore;
import io.warren.jms.transport.vm.VmBrokers;
import io.warren.jms.url.ConnectionUrl;
import io.warren.server.AmqpServer;
import io.warren.server.ServerSettings;
import io.warren.server.management.ManagementServer;
import io.warren.server.management.ManagementSettings;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application in a servlet container creates Warren's objects on its own threads, whose context class loader is
 * the application's. None of the threads Warren starts for it — the broker's timer, the journal writer, the JMX
 * reconciler, session listener threads, the AMQP server's and client's threads, the management server's — may keep
 * that loader (Tomcat reports such a thread as a leak on undeploy, and the loader cannot be collected), nor the
 * application's inheritable thread-local values.
 */
class ThreadContextClassLoaderTest {
    private static final InheritableThreadLocal<Object> APPLICATION_STATE = new InheritableThreadLocal<>();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    /** What the application's listeners saw on the threads that called them. */
    private final Map<String, String> listenerThreads = new ConcurrentHashMap<>();
    private final Set<Thread> before = new HashSet<>();
    private final Set<String> startedWhileRunning = new HashSet<>();
    private final Set<String> holdingWhileRunning = new HashSet<>();

    private static List<String> newThreadsHolding(Set<Thread> before, ClassLoader loader) {
        List<String> holding = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && t != Thread.currentThread() && t.getContextClassLoader() == loader) {
                holding.add(t.getName());
            }
        }
        return holding;
    }

    @Test
    void threadsWarrenStartsForAnApplicationHoldNeitherItsClassLoaderNorItsThreadLocals() throws Exception {
        before.addAll(Thread.getAllStackTraces().keySet());
        URLClassLoader application = new URLClassLoader("application", new URL[0], getClass().getClassLoader());
        WeakReference<ClassLoader> collected = new WeakReference<>(application);
        String broker = "tccl-" + System.nanoTime();
        AtomicReference<Throwable> failure = new AtomicReference<>();

        Thread app = new Thread(() -> {
            try {
                APPLICATION_STATE.set(new Object());
                runApplication(broker);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "application-request");
        app.setContextClassLoader(application);
        app.start();
        app.join(WAIT.toMillis());
        assertThat(failure.get()).isNull();
        assertThat(app.isAlive()).isFalse();

        assertThat(startedWhileRunning).anyMatch(n -> n.startsWith("warren-" + broker + "-timer"))
                .anyMatch(n -> n.startsWith("warren-journal-writer"))
                .anyMatch(n -> n.startsWith("warren-" + broker + "-jmx"))
                .anyMatch(n -> n.startsWith("warren-amqp-io"))
                .anyMatch(n -> n.startsWith("warren-management-rates"))
                .anyMatch(n -> n.startsWith("warren-http-accept"))
                .anyMatch(n -> n.startsWith("warren-session"))
                .anyMatch(n -> n.startsWith("AMQP Connection"));
        assertThat(holdingWhileRunning).as("threads started for the application that hold its class loader")
                .isEmpty();
        assertThat(newThreadsHolding(before, application)).as("threads left after closing that hold it").isEmpty();
        assertThat(listenerThreads).hasSize(2).allSatisfy((transport, seen) ->
                assertThat(seen).as(transport).isEqualTo("no application class loader, no application state"));

        // Everything is closed: nothing of Warren's keeps the application's loader reachable.
        app = null;
        application.close();
        application = null;
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            System.gc();
            return collected.get() == null;
        });
    }

    /** Notes the threads started so far, and which of them hold the calling (application) thread's loader. */
    private void snapshot() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t)) {
                startedWhileRunning.add(t.getName());
            }
        }
        holdingWhileRunning.addAll(newThreadsHolding(before, Thread.currentThread().getContextClassLoader()));
    }

    /** What an application does: an embedded broker on disk, a server in front of it, JMS over both transports. */
    private void runApplication(String broker) throws Exception {
        String vm = "vm://" + broker + "?dataDir=" + dataDir + "&sync=never";
        Broker engine = VmBrokers.acquire(ConnectionUrl.parse(vm));
        UserStore users = UserStore.withDefaultGuest(new PasswordHasher(1_000));
        AmqpServer server = AmqpServer.start(engine, ServerSettings.ephemeral(), users);
        ManagementServer management = ManagementServer.start(server, users, ManagementSettings.ephemeral());
        try {
            exchange(new WarrenConnectionFactory(vm), "vm");
            exchange(new WarrenConnectionFactory("amqp://guest:guest@127.0.0.1:" + server.port()), "amqp");
            snapshot();
        } finally {
            management.close();
            server.close();
            VmBrokers.stop(broker);
        }
    }

    /** A persistent message with a time to live (the broker's timer) to a listener (a session thread). */
    private void exchange(WarrenConnectionFactory factory, String transport) throws Exception {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession();
            Queue queue = session.createQueue("tccl." + transport);
            CountDownLatch received = new CountDownLatch(1);
            MessageConsumer consumer = session.createConsumer(queue);
            consumer.setMessageListener(m -> {
                Thread t = Thread.currentThread();
                listenerThreads.put(transport, (t.getContextClassLoader() instanceof URLClassLoader u
                        && "application".equals(u.getName()) ? "the application class loader" : "no application class loader")
                        + (APPLICATION_STATE.get() == null ? ", no application state" : ", application state"));
                received.countDown();
            });
            connection.start();
            MessageProducer producer = session.createProducer(queue);
            producer.setTimeToLive(60_000);
            producer.send(session.createTextMessage("hello"));
            assertThat(received.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            snapshot();
        }
    }
}
