package io.warren.jms.client;

import io.warren.jms.transport.vm.VmBrokers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Asynchronous send with a CompletionListener. */
class AsyncSendTest extends JmsTestSupport {

    /** Records completions (text and thread) and failures. */
    static final class Recorder implements CompletionListener {
        final List<String> completed = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        final List<Exception> failures = new CopyOnWriteArrayList<>();
        final List<String> failed = new CopyOnWriteArrayList<>();
        volatile Consumer<Message> action = m -> {
        };

        @Override
        public void onCompletion(Message message) {
            threads.add(Thread.currentThread());
            try {
                completed.add(text(message));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            action.accept(message);
        }

        @Override
        public void onException(Message message, Exception exception) {
            failures.add(exception);
            try {
                failed.add(text(message));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void completionListenersRunOnAnotherThreadOncePerMessageInSendOrder() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("async"));
        MessageProducer p = s.createProducer(q);
        Recorder r = new Recorder();
        int n = 200;
        for (int i = 0; i < n; i++) {
            p.send(s.createTextMessage("m" + i), i % 2 == 0 ? jakarta.jms.DeliveryMode.PERSISTENT
                    : jakarta.jms.DeliveryMode.NON_PERSISTENT, 4, 0, r);
        }
        await().until(() -> r.completed.size() == n);
        for (int i = 0; i < n; i++) {
            assertThat(r.completed.get(i)).isEqualTo("m" + i);
        }
        assertThat(r.threads).doesNotContain(Thread.currentThread());
        assertThat(r.failures).isEmpty();
        assertThat(receiveTexts(s.createConsumer(q), n)).hasSize(n);
    }

    @Test
    void completionsComeInSendOrderEvenWhenPersistentSendsWaitForTheDisk(@TempDir Path dataDir) throws Exception {
        WarrenConnectionFactory onDisk = new WarrenConnectionFactory(url + "?dataDir=" + dataDir + "&sync=always");
        Connection c = connection(onDisk);
        Session s = c.createSession();
        Queue q = s.createQueue(unique("async-disk"));
        MessageProducer p = s.createProducer(q);
        Recorder r = new Recorder();
        int n = 100;
        for (int i = 0; i < n; i++) {
            // persistent messages complete once on disk, non-persistent ones at once: callbacks must still be ordered
            p.send(s.createTextMessage("m" + i), i % 3 == 0 ? jakarta.jms.DeliveryMode.PERSISTENT
                    : jakarta.jms.DeliveryMode.NON_PERSISTENT, 4, 0, r);
        }
        await().until(() -> r.completed.size() == n);
        for (int i = 0; i < n; i++) {
            assertThat(r.completed.get(i)).isEqualTo("m" + i);
        }
        c.close();
    }

    @Test
    void theSentMessageHasItsHeadersWhenTheListenerIsCalled() throws Exception {
        Session s = connection().createSession();
        Queue q = s.createQueue(unique("async-headers"));
        AtomicReference<String> id = new AtomicReference<>();
        AtomicReference<Object> destination = new AtomicReference<>();
        Message m = s.createTextMessage("x");
        s.createProducer(q).send(m, new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                try {
                    destination.set(message.getJMSDestination());
                    id.set(message.getJMSMessageID());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public void onException(Message message, Exception exception) {
            }
        });
        await().until(() -> id.get() != null);
        assertThat(id.get()).startsWith("ID:");
        assertThat(destination.get()).isEqualTo(q);
    }

    @Test
    void aSendTheBrokerRefusesIsReportedToOnException() throws Exception {
        Session s = connection().createSession();
        String name = unique("async-full");
        VmBrokers.broker(factory).defaultVirtualHost().queueDeclare(null, name, true, false, false,
                Map.of("x-max-length", 1, "x-overflow", "reject-publish"));
        Queue q = s.createQueue(name);
        MessageProducer p = s.createProducer(q);
        Recorder r = new Recorder();
        p.send(s.createTextMessage("fits"), r);
        p.send(s.createTextMessage("refused"), r);
        await().until(() -> r.completed.size() + r.failed.size() == 2);
        assertThat(r.completed).containsExactly("fits");
        assertThat(r.failed).containsExactly("refused");
        assertThat(r.failures.get(0)).isInstanceOf(ResourceAllocationException.class);

        // a synchronous send to the full queue fails as well
        assertThatThrownBy(() -> p.send(s.createTextMessage("refused-too")))
                .isInstanceOf(ResourceAllocationException.class);
    }

    @Test
    void aCompletionListenerMustNotCloseOrCommitItsOwnSessionOrCloseItsProducer() throws Exception {
        Connection c = connection();
        Session s = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = s.createQueue(unique("async-illegal"));
        MessageProducer p = s.createProducer(q);
        Recorder r = new Recorder();
        List<Exception> thrown = new CopyOnWriteArrayList<>();
        r.action = m -> {
            for (Runnable call : List.<Runnable>of(
                    () -> attempt(thrown, s::close),
                    () -> attempt(thrown, s::commit),
                    () -> attempt(thrown, s::rollback),
                    () -> attempt(thrown, p::close),
                    () -> attempt(thrown, c::close))) {
                call.run();
            }
        };
        p.send(s.createTextMessage("m"), r);
        await().until(() -> thrown.size() == 5);
        assertThat(thrown).allSatisfy(e -> assertThat(e).isInstanceOf(IllegalStateException.class));

        // everything still works afterwards
        s.commit();
        p.send(s.createTextMessage("after"));
        s.commit();
        c.start();
        MessageConsumer consumer = c.createSession().createConsumer(q);
        assertThat(receiveTexts(consumer, 2)).containsExactly("m", "after");
    }

    interface JmsAction {
        void run() throws Exception;
    }

    private static void attempt(List<Exception> thrown, JmsAction action) {
        try {
            action.run();
            thrown.add(new RuntimeException("no exception"));
        } catch (Exception e) {
            thrown.add(e);
        }
    }

    @Test
    void sessionCloseWaitsForPendingCompletionListeners() throws Exception {
        Connection c = connection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("async-close"));
        MessageProducer p = s.createProducer(q);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        Recorder r = new Recorder();
        r.action = m -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            events.add("completion finished");
        };
        p.send(s.createTextMessage("m"), r);
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        Thread closer = new Thread(() -> {
            try {
                s.close();
                events.add("close returned");
            } catch (Exception e) {
                events.add("close failed: " + e);
            }
        });
        closer.start();
        await().until(() -> closer.getState() == Thread.State.WAITING || closer.getState() == Thread.State.TIMED_WAITING);
        assertThat(events).isEmpty();
        release.countDown();
        closer.join(5_000);
        assertThat(events).containsExactly("completion finished", "close returned");
    }

    @Test
    void producerCloseAndCommitWaitForPendingCompletions() throws Exception {
        Connection c = connection();
        Session s = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = s.createQueue(unique("async-commit"));
        MessageProducer p = s.createProducer(q);
        Recorder r = new Recorder();
        for (int i = 0; i < 50; i++) {
            p.send(s.createTextMessage("m" + i), r);
        }
        s.commit();
        assertThat(r.completed).hasSize(50);
        p.send(s.createTextMessage("last"), r);
        p.close();
        assertThat(r.completed).hasSize(51).endsWith("last");
    }

    @Test
    void aCompletionListenerThatThrowsDoesNotStopLaterCompletions() throws Exception {
        Connection c = connection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("async-throwing"));
        MessageProducer p = s.createProducer(q);
        Recorder r = new Recorder();
        r.action = m -> {
            throw new AssertionError("completion listener failure (expected by the test)");
        };
        for (int i = 0; i < 5; i++) {
            p.send(s.createTextMessage("m" + i), r);
        }
        await().until(() -> r.completed.size() == 5);
        // close does not hang on completions that never ran
        s.close();
    }

    @Test
    void jmsContextAsyncSend() throws Exception {
        JMSContext ctx = context();
        Queue q = ctx.createQueue(unique("async-context"));
        Recorder r = new Recorder();
        ctx.createProducer().setAsync(r).send(q, "a").send(q, "b");
        await().until(() -> r.completed.size() == 2);
        assertThat(r.completed).containsExactly("a", "b");
        assertThat(r.threads).doesNotContain(Thread.currentThread());
        assertThat(ctx.createProducer().setAsync(r).getAsync()).isSameAs(r);

        List<Exception> thrown = new CopyOnWriteArrayList<>();
        r.action = m -> attempt(thrown, ctx::close);
        ctx.createProducer().setAsync(r).send(q, "c");
        await().until(() -> thrown.size() == 1);
        assertThat(thrown.get(0)).isInstanceOf(IllegalStateRuntimeException.class);
        assertThat(ctx.createConsumer(q).receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("a");
    }

    @Test
    void aCompletionListenerMayStopItsOwnContextAndDeliveryPausesUntilStart() throws Exception {
        JMSContext ctx = context();
        Queue q = ctx.createQueue(unique("async-stop"));
        JMSContext listening = ctx.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        List<String> seen = new CopyOnWriteArrayList<>();
        listening.createConsumer(q).setMessageListener(m -> {
            try {
                seen.add(text(m));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        Recorder r = new Recorder();
        List<Exception> thrown = new CopyOnWriteArrayList<>();
        r.action = m -> attempt(thrown, ctx::stop);
        ctx.createProducer().setAsync(r).send(ctx.createQueue(unique("async-stop-other")), "stop");
        await().atMost(10, TimeUnit.SECONDS).until(() -> thrown.size() == 1);
        assertThat(thrown.get(0)).hasMessage("no exception");

        ctx.createProducer().send(q, "while-stopped");
        await().during(ABSENT_TIMEOUT, TimeUnit.MILLISECONDS).atMost(5, TimeUnit.SECONDS).until(seen::isEmpty);
        ctx.start();
        await().until(() -> seen.contains("while-stopped"));
    }

    @Test
    void stopFromACompletionListenerWaitsForTheMessageListenerInProgressWithoutDeadlock() throws Exception {
        Connection c = startedConnection();
        Session listening = c.createSession();
        Queue q = listening.createQueue(unique("async-stop-waits"));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        listening.createConsumer(q).setMessageListener(m -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            events.add("listener finished");
        });
        Session sending = c.createSession();
        sendTexts(sending, q, "m");
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Object> stopped = new CompletableFuture<>();
        Recorder r = new Recorder();
        r.action = m -> {
            try {
                c.stop();
                events.add("stop returned");
                stopped.complete("returned");
            } catch (Exception e) {
                stopped.complete(e);
            }
        };
        MessageProducer p = sending.createProducer(sending.createQueue(unique("async-stop-waits-other")));
        p.send(sending.createTextMessage("x"), r);
        await().until(() -> !r.threads.isEmpty() && r.threads.get(0).getState() != Thread.State.RUNNABLE);
        assertThat(events).isEmpty();
        release.countDown();
        assertThat(stopped.get(5, TimeUnit.SECONDS)).isEqualTo("returned");
        assertThat(events).containsExactly("listener finished", "stop returned");
    }

    @Test
    void aNullCompletionListenerIsRejected() throws Exception {
        Session s = connection().createSession();
        MessageProducer p = s.createProducer(s.createQueue(unique("async-null")));
        assertThatThrownBy(() -> p.send(s.createTextMessage("x"), (CompletionListener) null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
