package io.warren.tck.appserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.tck.support.TckSupport;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.ServerSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Section 11.2 "Concurrent processing of a subscription's messages" (an optional facility: these cases describe
 * Warren's support for it). The test plays the application server: it implements {@link ServerSessionPool} and
 * {@link ServerSession}, and runs each loaded session on a thread of its own.
 */
@DisplayName("11.2 ConnectionConsumer (optional application server facility)")
class ConnectionConsumerTest extends TckSupport {

    /** A pool of sessions of one connection, each with the application's single-threaded listener. */
    static final class Pool implements ServerSessionPool {
        final Connection connection;
        final List<String> texts = new CopyOnWriteArrayList<>();
        final CountDownLatch latch;

        Pool(Connection connection, int expected) {
            this.connection = connection;
            this.latch = new CountDownLatch(expected);
        }

        @Override
        public ServerSession getServerSession() throws JMSException {
            Session session = connection.createSession();
            session.setMessageListener(message -> {
                try {
                    texts.add(((TextMessage) message).getText());
                } catch (JMSException e) {
                    throw new RuntimeException(e);
                }
                latch.countDown();
            });
            return new ServerSession() {
                @Override
                public Session getSession() {
                    return session;
                }

                @Override
                public void start() {
                    Thread thread = new Thread(() -> {
                        session.run();
                        try {
                            session.close();
                        } catch (JMSException ignored) {
                            // the session has done its work
                        }
                    }, "server-session");
                    thread.setDaemon(true);
                    thread.start();
                }
            };
        }
    }

    @Test
    @DisplayName("11.2.4: a ConnectionConsumer loads the messages of its destination into sessions from its ServerSessionPool, whose listener processes them")
    void queueMessagesReachPooledSessions() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Pool pool = new Pool(connection, 5);
        ConnectionConsumer consumer = connection.createConnectionConsumer(queue, null, pool, 1);
        closeLater(consumer::close);
        sendTexts(connection, queue, "a", "b", "c", "d", "e");
        assertThat(pool.latch.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(pool.texts).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(consumer.getServerSessionPool()).isSameAs(pool);
    }

    @Test
    @DisplayName("11.2.4: a ConnectionConsumer with a message selector only loads matching messages")
    void connectionConsumerSelector() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Pool pool = new Pool(connection, 1);
        ConnectionConsumer consumer = connection.createConnectionConsumer(queue, "pick = TRUE", pool, 1);
        closeLater(consumer::close);
        Session session = connection.createSession();
        TextMessage skipped = session.createTextMessage("skipped");
        skipped.setBooleanProperty("pick", false);
        TextMessage picked = session.createTextMessage("picked");
        picked.setBooleanProperty("pick", true);
        session.createProducer(queue).send(skipped);
        session.createProducer(queue).send(picked);
        assertThat(pool.latch.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(pool.texts).containsExactly("picked");
    }

    @Test
    @DisplayName("11.2.4: a shared ConnectionConsumer on a topic subscription delivers published messages to pooled sessions")
    void sharedTopicConnectionConsumer() throws Exception {
        Topic topic = topic();
        Connection connection = startedConnection();
        Pool pool = new Pool(connection, 3);
        ConnectionConsumer consumer = connection.createSharedConnectionConsumer(topic, "cc-" + Integer.toHexString(uniqueName().hashCode()), null, pool, 1);
        closeLater(consumer::close);
        sendTexts(connection, topic, "x", "y", "z");
        assertThat(pool.latch.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(pool.texts).containsExactlyInAnyOrder("x", "y", "z");
    }
}
