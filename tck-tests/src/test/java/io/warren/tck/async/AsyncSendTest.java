package io.warren.tck.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.tck.support.TckSupport;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Section 7.3 "Asynchronous send" and the {@code CompletionListener} rules. */
@DisplayName("7.3 Asynchronous send")
class AsyncSendTest extends TckSupport {

    /** Records callbacks: the messages completed, the exceptions, the threads they ran on. */
    static final class Recorder implements CompletionListener {
        final List<Message> completed = new CopyOnWriteArrayList<>();
        final List<Exception> failed = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        final CountDownLatch latch;

        Recorder(int expected) {
            latch = new CountDownLatch(expected);
        }

        @Override
        public void onCompletion(Message message) {
            threads.add(Thread.currentThread());
            completed.add(message);
            latch.countDown();
        }

        @Override
        public void onException(Message message, Exception exception) {
            threads.add(Thread.currentThread());
            failed.add(exception);
            latch.countDown();
        }

        boolean await() throws InterruptedException {
            return latch.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS);
        }
    }

    @Test
    @DisplayName("7.3: when the message has been successfully sent the provider invokes onCompletion on the CompletionListener")
    void onCompletionIsInvoked() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        Recorder recorder = new Recorder(1);
        TextMessage message = session.createTextMessage("async");
        session.createProducer(queue).send(message, recorder);
        assertThat(recorder.await()).isTrue();
        assertThat(recorder.completed).containsExactly(message);
        assertThat(recorder.failed).isEmpty();
        assertThat(receiveText(session.createConsumer(queue))).isEqualTo("async");
    }

    @Test
    @DisplayName("7.3.8: a Jakarta Messaging provider must not invoke the CompletionListener from the thread that is calling the asynchronous send")
    void callbackNotOnSendingThread() throws Exception {
        Session session = startedConnection().createSession();
        Recorder recorder = new Recorder(1);
        session.createProducer(queue()).send(session.createTextMessage("x"), recorder);
        assertThat(recorder.await()).isTrue();
        assertThat(recorder.threads).doesNotContain(Thread.currentThread());
    }

    @Test
    @DisplayName("7.3.8: callbacks are performed in the same order as the corresponding calls to the asynchronous send method")
    void callbacksInSendOrder() throws Exception {
        Queue queue = queue();
        Session session = startedConnection().createSession();
        MessageProducer producer = session.createProducer(queue);
        Recorder recorder = new Recorder(30);
        List<Message> sent = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 30; i++) {
            Message message = session.createTextMessage("a" + i);
            sent.add(message);
            producer.send(message, recorder);
        }
        assertThat(recorder.await()).isTrue();
        assertThat(recorder.completed).containsExactlyElementsOf(sent);
    }

    @Test
    @DisplayName("7.3.3: message ordering requirements must be satisfied even for a combination of synchronous and asynchronous sends")
    void mixedSendsKeepOrder() throws Exception {
        Queue queue = queue();
        Session session = startedConnection().createSession();
        MessageProducer producer = session.createProducer(queue);
        Recorder recorder = new Recorder(5);
        for (int i = 0; i < 10; i++) {
            if (i % 2 == 0) {
                producer.send(session.createTextMessage("m" + i), recorder);
            } else {
                producer.send(session.createTextMessage("m" + i));
            }
        }
        assertThat(recorder.await()).isTrue();
        MessageConsumer consumer = session.createConsumer(queue);
        for (int i = 0; i < 10; i++) {
            assertThat(receiveText(consumer)).isEqualTo("m" + i);
        }
    }

    @Test
    @DisplayName("3.4.11 / 7.3.6: header fields set by the send may be accessed after the completion listener has been invoked")
    void headersSetWhenCallbackRuns() throws Exception {
        Queue queue = queue();
        Session session = startedConnection().createSession();
        AtomicReference<String> idSeenByCallback = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Message message = session.createTextMessage("headers");
        session.createProducer(queue).send(message, DeliveryMode.NON_PERSISTENT, 6, 0, new CompletionListener() {
            @Override
            public void onCompletion(Message m) {
                try {
                    idSeenByCallback.set(m.getJMSMessageID());
                } catch (Exception e) {
                    idSeenByCallback.set("failed: " + e);
                }
                done.countDown();
            }

            @Override
            public void onException(Message m, Exception exception) {
                done.countDown();
            }
        });
        assertThat(done.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(idSeenByCallback.get()).startsWith("ID:");
        assertThat(message.getJMSPriority()).isEqualTo(6);
        assertThat(message.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(message.getJMSDestination()).isEqualTo(queue);
    }

    @Test
    @DisplayName("MessageProducer.send(.., CompletionListener): IllegalArgumentException if the specified CompletionListener is null")
    void nullCompletionListenerThrows() throws Exception {
        Session session = connection().createSession();
        MessageProducer producer = session.createProducer(queue());
        Message message = session.createMessage();
        assertThatThrownBy(() -> producer.send(message, (CompletionListener) null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("7.3.2: if an exception is encountered during the call to send, it is thrown in the sending thread and the listener is not invoked")
    void exceptionInCallingThreadSkipsListener() throws Exception {
        Session session = connection().createSession();
        MessageProducer producer = session.createProducer(null);
        Recorder recorder = new Recorder(1);
        Message message = session.createMessage();
        assertThatThrownBy(() -> producer.send(null, message, recorder)).isInstanceOf(InvalidDestinationException.class);
        assertThat(recorder.latch.await(ABSENCE_TIMEOUT, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(recorder.completed).isEmpty();
        assertThat(recorder.failed).isEmpty();
    }

    @Test
    @DisplayName("7.3.4: if close is called on the producer, the provider must block until all CompletionListener callbacks have returned")
    void closeWaitsForCallbacks() throws Exception {
        Session session = startedConnection().createSession();
        MessageProducer producer = session.createProducer(queue());
        AtomicInteger returned = new AtomicInteger();
        CompletionListener slow = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                Thread.onSpinWait();
                returned.incrementAndGet();
            }

            @Override
            public void onException(Message message, Exception exception) {
                returned.incrementAndGet();
            }
        };
        for (int i = 0; i < 20; i++) {
            producer.send(session.createTextMessage("c" + i), slow);
        }
        producer.close();
        assertThat(returned.get()).isEqualTo(20);
    }

    @Test
    @DisplayName("7.3.4: in a transacted session, commit must block until incomplete sends have completed and callbacks have returned")
    void commitWaitsForCallbacks() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        MessageProducer producer = transacted.createProducer(queue);
        AtomicInteger returned = new AtomicInteger();
        CompletionListener counter = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                returned.incrementAndGet();
            }

            @Override
            public void onException(Message message, Exception exception) {
                returned.incrementAndGet();
            }
        };
        for (int i = 0; i < 10; i++) {
            producer.send(transacted.createTextMessage("t" + i), counter);
        }
        transacted.commit();
        assertThat(returned.get()).isEqualTo(10);
        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        for (int i = 0; i < 10; i++) {
            assertThat(receiveText(consumer)).isEqualTo("t" + i);
        }
    }

    /** Runs an action in {@code onCompletion} and keeps what it threw, or the send's own failure. */
    static final class CallbackAction implements CompletionListener {
        private final Action action;
        private final AtomicReference<Throwable> thrown = new AtomicReference<>();
        private final CountDownLatch done = new CountDownLatch(1);

        interface Action {
            void run() throws Exception;
        }

        CallbackAction(Action action) {
            this.action = action;
        }

        @Override
        public void onCompletion(Message message) {
            try {
                action.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
            done.countDown();
        }

        @Override
        public void onException(Message message, Exception exception) {
            thrown.set(exception);
            done.countDown();
        }

        /** What the action threw, null if nothing; the callback must end within the suite's receive timeout. */
        Throwable thrown() throws InterruptedException {
            assertThat(done.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).as("the callback ended").isTrue();
            return thrown.get();
        }
    }

    @Test
    @DisplayName("7.3.4: a CompletionListener callback must not call close on its own producer: doing so throws IllegalStateException")
    void closeOwnProducerFromCallbackThrows() throws Exception {
        Session session = startedConnection().createSession();
        MessageProducer producer = session.createProducer(queue());
        CallbackAction callback = new CallbackAction(producer::close);
        producer.send(session.createTextMessage("x"), callback);
        assertThat(callback.thrown()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("7.3.4: a CompletionListener callback must not call commit on its own session: doing so throws IllegalStateException")
    void commitOwnSessionFromCallbackThrows() throws Exception {
        Session transacted = startedConnection().createSession(Session.SESSION_TRANSACTED);
        MessageProducer producer = transacted.createProducer(queue());
        CallbackAction callback = new CallbackAction(transacted::commit);
        producer.send(transacted.createTextMessage("x"), callback);
        assertThat(callback.thrown()).isInstanceOf(IllegalStateException.class);
        transacted.rollback();
    }

    @Test
    @DisplayName("7.3.4: a CompletionListener callback must not call close on its own JMSContext: doing so throws IllegalStateRuntimeException")
    void closeOwnContextFromCallbackThrows() throws Exception {
        JMSContext context = context();
        CallbackAction callback = new CallbackAction(context::close);
        context.createProducer().setAsync(callback).send(queue(), "x");
        assertThat(callback.thrown()).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    @DisplayName("7.3.4 / JMSContext.stop: only close, commit and rollback are forbidden to a CompletionListener; stopping its own JMSContext is allowed")
    void stopOwnContextFromCallbackIsAllowed() throws Exception {
        JMSContext context = context();
        CallbackAction callback = new CallbackAction(context::stop);
        context.createProducer().setAsync(callback).send(queue(), "x");
        assertThat(callback.thrown()).isNull();
    }

    @Test
    @DisplayName("7.3.4 / Connection.stop: a CompletionListener may stop its own connection")
    void stopOwnConnectionFromCallbackIsAllowed() throws Exception {
        Connection connection = startedConnection();
        Session session = connection.createSession();
        CallbackAction callback = new CallbackAction(connection::stop);
        session.createProducer(queue()).send(session.createTextMessage("x"), callback);
        assertThat(callback.thrown()).isNull();
    }

    @Test
    @DisplayName("7.3: JMSProducer.setAsync(listener) makes the normal send methods asynchronous; getAsync returns the listener")
    void jmsProducerAsync() throws Exception {
        Queue queue = queue();
        JMSContext context = context();
        Recorder recorder = new Recorder(1);
        JMSProducer producer = context.createProducer().setAsync(recorder);
        assertThat(producer.getAsync()).isSameAs(recorder);
        producer.send(queue, "async body");
        assertThat(recorder.await()).isTrue();
        assertThat(recorder.completed).hasSize(1);
        assertThat(recorder.completed.get(0).getBody(String.class)).isEqualTo("async body");
        assertThat(context.createConsumer(queue).receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("async body");
    }

    @Test
    @DisplayName("JMSProducer.setAsync(null): subsequent sends are synchronous again (getAsync returns null)")
    void jmsProducerAsyncReset() {
        Queue queue = queue();
        JMSContext context = context();
        JMSProducer producer = context.createProducer().setAsync(new Recorder(1)).setAsync(null);
        assertThat(producer.getAsync()).isNull();
        producer.send(queue, "sync again");
        assertThat(context.createConsumer(queue).receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("sync again");
    }
}
