package io.warren.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Which thread runs listeners, serial delivery per session, and how close/stop interact with delivery. */
class ListenerThreadingAndCloseTest extends JmsTestSupport {

    interface JmsAction {
        void run() throws Exception;
    }

    /** Runs {@code action} on a new thread; the future holds what happened ("returned" or the exception). */
    private static CompletableFuture<Object> inThread(JmsAction action, List<String> events, String name) {
        CompletableFuture<Object> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                action.run();
                events.add(name + " returned");
                done.complete("returned");
            } catch (Throwable e) {
                events.add(name + " failed: " + e);
                done.complete(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return done;
    }

    private static Thread threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElse(null);
    }

    /** Waits until the named thread blocks (inside the call under test). */
    private static void awaitBlocked(String name) {
        await().until(() -> {
            Thread t = threadNamed(name);
            return t != null && (t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING
                    || t.getState() == Thread.State.BLOCKED);
        });
    }

    @Test
    void aListenerRunsOnTheSessionsOwnThread() throws Exception {
        Connection c = connection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("thread"));
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger count = new AtomicInteger();
        s.createConsumer(q).setMessageListener(m -> {
            threads.add(Thread.currentThread());
            count.incrementAndGet();
        });
        sendTexts(s, q, "m1", "m2", "m3");
        c.start();
        await().until(() -> count.get() == 3);
        assertThat(threads).hasSize(1).doesNotContain(Thread.currentThread());
    }

    @Test
    void aSessionDeliversToOneListenerAtATime() throws Exception {
        Connection c = connection();
        Session s = c.createSession();
        Queue q1 = s.createQueue(unique("serial-1"));
        Queue q2 = s.createQueue(unique("serial-2"));
        AtomicInteger active = new AtomicInteger();
        AtomicInteger maxActive = new AtomicInteger();
        AtomicInteger count = new AtomicInteger();
        MessageListener l = m -> {
            int now = active.incrementAndGet();
            maxActive.accumulateAndGet(now, Math::max);
            for (int i = 0; i < 200; i++) {
                Thread.yield();
            }
            active.decrementAndGet();
            count.incrementAndGet();
        };
        s.createConsumer(q1).setMessageListener(l);
        s.createConsumer(q2).setMessageListener(l);
        c.start();
        // producers on other threads keep both consumers busy at the same time
        Connection pc = startedConnection();
        List<CompletableFuture<Object>> producers = List.of(
                inThread(() -> sendMany(pc, q1, 200), new CopyOnWriteArrayList<>(), "producer-1"),
                inThread(() -> sendMany(pc, q2, 200), new CopyOnWriteArrayList<>(), "producer-2"));
        for (CompletableFuture<Object> f : producers) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("returned");
        }
        await().until(() -> count.get() == 400);
        assertThat(maxActive.get()).isEqualTo(1);
    }

    private static void sendMany(Connection c, Queue q, int n) throws Exception {
        Session s = c.createSession();
        MessageProducer p = s.createProducer(q);
        for (int i = 0; i < n; i++) {
            p.send(s.createTextMessage("m" + i));
        }
        s.close();
    }

    @Test
    void consumerCloseWaitsForTheListenerInProgress() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("close-waits"));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        MessageConsumer consumer = s.createConsumer(q);
        consumer.setMessageListener(m -> {
            entered.countDown();
            awaitQuietly(release);
            events.add("listener finished");
        });
        sendTexts(s, q, "m1", "m2");
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Object> closed = inThread(consumer::close, events, "consumer-closer");
        awaitBlocked("consumer-closer");
        assertThat(events).isEmpty();
        release.countDown();
        assertThat(closed.get(5, TimeUnit.SECONDS)).isEqualTo("returned");
        assertThat(events).containsExactly("listener finished", "consumer-closer returned");

        // the second message was not delivered to the closed consumer: it is still in the queue
        assertThat(receiveText(c.createSession().createConsumer(q))).isEqualTo("m2");
    }

    @Test
    void sessionCloseAndConnectionCloseWaitForTheListenerInProgress() throws Exception {
        for (boolean wholeConnection : new boolean[] {false, true}) {
            Connection c = startedConnection();
            Session s = c.createSession();
            Queue q = s.createQueue(unique("session-close-waits"));
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            List<String> events = new CopyOnWriteArrayList<>();
            s.createConsumer(q).setMessageListener(m -> {
                entered.countDown();
                awaitQuietly(release);
                events.add("listener finished");
            });
            sendTexts(s, q, "m1", "m2");
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            String name = wholeConnection ? "connection-closer" : "session-closer";
            CompletableFuture<Object> closed = inThread(wholeConnection ? c::close : s::close, events, name);
            awaitBlocked(name);
            assertThat(events).isEmpty();
            release.countDown();
            assertThat(closed.get(5, TimeUnit.SECONDS)).isEqualTo("returned");
            assertThat(events).containsExactly("listener finished", name + " returned");
        }
    }

    @Test
    void aListenerRunningWhileItsConnectionClosesKeepsTheFullServicesOfTheConnection() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue requests = s.createQueue(unique("requests"));
        Queue replies = s.createQueue(unique("replies"));
        MessageProducer replier = s.createProducer(replies);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        s.createConsumer(requests).setMessageListener(m -> {
            entered.countDown();
            awaitQuietly(release);
            try {
                replier.send(s.createTextMessage("reply"));
                m.acknowledge();
                events.add("listener replied");
            } catch (Exception e) {
                events.add("listener failed: " + e);
            }
        });
        sendTexts(s, requests, "request");
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Object> closed = inThread(c::close, events, "closer");
        awaitBlocked("closer");
        release.countDown();
        assertThat(closed.get(5, TimeUnit.SECONDS)).isEqualTo("returned");
        assertThat(events).containsExactly("listener replied", "closer returned");

        Session other = startedConnection().createSession();
        assertThat(receiveText(other.createConsumer(replies))).isEqualTo("reply");
        // the request was acknowledged by the listener
        assertNoMessage(other.createConsumer(requests));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aListenerMayCloseItsOwnConsumer() throws Exception {
        Connection c = connection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("self-close"));
        sendTexts(s, q, "m1", "m2", "m3");
        MessageConsumer consumer = s.createConsumer(q);
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        consumer.setMessageListener(m -> {
            try {
                seen.add(text(m));
                consumer.close();
            } catch (Exception e) {
                failure.set(e);
            }
        });
        c.start();
        await().until(() -> !seen.isEmpty());
        assertThat(failure.get()).isNull();
        assertThatThrownBy(consumer::getMessageListener).isInstanceOf(IllegalStateException.class);

        // only the first message was consumed; the others wait for the next consumer
        MessageConsumer next = s.createConsumer(q);
        assertThat(receiveTexts(next, 2)).containsExactly("m2", "m3");
        assertThat(seen).containsExactly("m1");
    }

    @Test
    void aListenerMustNotCloseOrStopItsSessionOrConnection() throws Exception {
        Connection c = connection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("illegal"));
        List<Exception> thrown = new CopyOnWriteArrayList<>();
        s.createConsumer(q).setMessageListener(m -> {
            for (JmsAction a : List.<JmsAction>of(s::close, c::close, c::stop)) {
                try {
                    a.run();
                    thrown.add(new RuntimeException("no exception"));
                } catch (Exception e) {
                    thrown.add(e);
                }
            }
        });
        sendTexts(s, q, "m1");
        c.start();
        await().until(() -> thrown.size() == 3);
        assertThat(thrown).allSatisfy(e -> assertThat(e).isInstanceOf(IllegalStateException.class));

        // the session still works
        sendTexts(s, q, "m2");
        await().until(() -> thrown.size() == 6);
    }

    @Test
    void aJmsContextListenerMustNotCloseOrStopItsContext() throws Exception {
        JMSContext ctx = context();
        Queue q = ctx.createQueue(unique("illegal-context"));
        List<RuntimeException> thrown = new CopyOnWriteArrayList<>();
        JMSConsumer consumer = ctx.createConsumer(q);
        consumer.setMessageListener(m -> {
            for (Runnable a : List.<Runnable>of(ctx::close, ctx::stop)) {
                try {
                    a.run();
                    thrown.add(new RuntimeException("no exception"));
                } catch (RuntimeException e) {
                    thrown.add(e);
                }
            }
        });
        ctx.createProducer().send(q, "m");
        await().until(() -> thrown.size() == 2);
        assertThat(thrown).allSatisfy(e -> assertThat(e).isInstanceOf(IllegalStateRuntimeException.class));
    }

    @Test
    void stopPausesDeliveryAndStartResumesIt() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("stop-start"));
        List<String> seen = new CopyOnWriteArrayList<>();
        s.createConsumer(q).setMessageListener(m -> {
            try {
                seen.add(text(m));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        Session producer = c.createSession();
        sendTexts(producer, q, "before");
        await().until(() -> seen.size() == 1);

        c.stop();
        c.stop();
        sendTexts(producer, q, "while-stopped");
        Queue other = producer.createQueue(unique("sync"));
        MessageConsumer syncConsumer = producer.createConsumer(other);
        sendTexts(producer, other, "sync-while-stopped");
        assertNoMessage(syncConsumer);
        assertThat(seen).containsExactly("before");

        c.start();
        await().until(() -> seen.size() == 2);
        assertThat(seen).containsExactly("before", "while-stopped");
        assertThat(receiveText(syncConsumer)).isEqualTo("sync-while-stopped");
    }

    @Test
    void stopWaitsForTheListenerInProgress() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("stop-waits"));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        s.createConsumer(q).setMessageListener(m -> {
            entered.countDown();
            awaitQuietly(release);
            events.add("listener finished");
        });
        sendTexts(s, q, "m1");
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Object> stopped = inThread(c::stop, events, "stopper");
        awaitBlocked("stopper");
        assertThat(events).isEmpty();
        release.countDown();
        assertThat(stopped.get(5, TimeUnit.SECONDS)).isEqualTo("returned");
        assertThat(events).containsExactly("listener finished", "stopper returned");
    }

    @Test
    void aBlockedReceiveWakesAsSoonAsAMessageArrives() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("wake"));
        MessageConsumer consumer = s.createConsumer(q);
        AtomicReference<Message> received = new AtomicReference<>();
        List<String> events = new CopyOnWriteArrayList<>();
        CompletableFuture<Object> receiver = inThread(() -> received.set(consumer.receive()), events, "receiver");
        awaitBlocked("receiver");

        Session producer = c.createSession();
        long sentAt = System.nanoTime();
        sendTexts(producer, q, "wake up");
        assertThat(receiver.get(5, TimeUnit.SECONDS)).isEqualTo("returned");
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt);
        assertThat(tookMillis).as("receive returned %d ms after the send", tookMillis).isLessThan(1_000);
        assertThat(text(received.get())).isEqualTo("wake up");
    }

    @Test
    void aBlockedReceiveWakesWhenTheConnectionStarts() throws Exception {
        Connection c = connection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("wake-start"));
        MessageConsumer consumer = s.createConsumer(q);
        sendTexts(s, q, "waiting");
        AtomicReference<Message> received = new AtomicReference<>();
        CompletableFuture<Object> receiver = inThread(() -> received.set(consumer.receive()),
                new CopyOnWriteArrayList<>(), "receiver-start");
        awaitBlocked("receiver-start");
        assertThat(receiver).isNotDone();
        c.start();
        assertThat(receiver.get(5, TimeUnit.SECONDS)).isEqualTo("returned");
        assertThat(text(received.get())).isEqualTo("waiting");
    }

    @Test
    void aBlockedReceiveReturnsNullWhenTheConsumerIsClosedFromAnotherThread() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        MessageConsumer consumer = s.createConsumer(s.createQueue(unique("close-receive")));
        AtomicReference<Message> received = new AtomicReference<>(s.createTextMessage("sentinel"));
        CompletableFuture<Object> receiver = inThread(() -> received.set(consumer.receive()),
                new CopyOnWriteArrayList<>(), "receiver-consumer");
        awaitBlocked("receiver-consumer");
        consumer.close();
        assertThat(receiver.get(5, TimeUnit.SECONDS)).isEqualTo("returned");
        assertThat(received.get()).isNull();
    }

    @Test
    void aBlockedReceiveReturnsNullWhenTheConnectionIsClosedFromAnotherThread() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        MessageConsumer consumer = s.createConsumer(s.createQueue(unique("close-connection-receive")));
        MessageConsumer timed = s.createConsumer(s.createQueue(unique("close-connection-timed")));
        AtomicReference<Message> received = new AtomicReference<>(s.createTextMessage("sentinel"));
        AtomicReference<Message> receivedTimed = new AtomicReference<>(s.createTextMessage("sentinel"));
        CompletableFuture<Object> receiver = inThread(() -> received.set(consumer.receive()),
                new CopyOnWriteArrayList<>(), "receiver-connection");
        CompletableFuture<Object> timedReceiver = inThread(() -> receivedTimed.set(timed.receive(60_000)),
                new CopyOnWriteArrayList<>(), "receiver-timed");
        awaitBlocked("receiver-connection");
        awaitBlocked("receiver-timed");
        c.close();
        assertThat(receiver.get(5, TimeUnit.SECONDS)).isEqualTo("returned");
        assertThat(timedReceiver.get(5, TimeUnit.SECONDS)).isEqualTo("returned");
        assertThat(received.get()).isNull();
        assertThat(receivedTimed.get()).isNull();
    }

    @Test
    void aBlockedReceiveOnAStoppedConnectionReturnsNullWhenClosed() throws Exception {
        Connection c = connection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("stopped-close"));
        MessageConsumer consumer = s.createConsumer(q);
        sendTexts(s, q, "never handed out");
        AtomicReference<Message> received = new AtomicReference<>(s.createTextMessage("sentinel"));
        CompletableFuture<Object> receiver = inThread(() -> received.set(consumer.receive()),
                new CopyOnWriteArrayList<>(), "receiver-stopped");
        awaitBlocked("receiver-stopped");
        s.close();
        assertThat(receiver.get(5, TimeUnit.SECONDS)).isEqualTo("returned");
        assertThat(received.get()).isNull();
        assertThat(readyCount(q.getQueueName())).isEqualTo(1);
    }

    @Test
    void receiveOnAConsumerWithAListenerFails() throws Exception {
        Session s = connection().createSession();
        MessageConsumer consumer = s.createConsumer(s.createQueue(unique("listener-receive")));
        consumer.setMessageListener(m -> {
        });
        assertThatThrownBy(consumer::receiveNoWait).isInstanceOf(IllegalStateException.class);
        consumer.setMessageListener(null);
        assertThat(consumer.receiveNoWait()).isNull();
    }

    @Test
    void messagesPrefetchedBeforeAListenerIsSetReachTheListener() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("late-listener"));
        MessageConsumer consumer = s.createConsumer(q);
        sendTexts(s, q, "m1", "m2");
        assertThat(readyCount(q.getQueueName())).isZero();
        List<String> seen = new CopyOnWriteArrayList<>();
        consumer.setMessageListener(m -> {
            try {
                seen.add(text(m));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        await().until(() -> seen.size() == 2);
        assertThat(seen).containsExactly("m1", "m2");
    }
}
