package io.warren.jms.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A stopped connection's consumers hold no claim on their queue's messages (6.1.4, 6.1.5): the broker holds its
 * deliveries to them, so consumers of started connections get every message, whatever order start, stop and
 * consumer creation race in.
 */
class StoppedConnectionDeliveryTest extends JmsTestSupport {
    private static final int CONSUMERS = 16;
    private static final int TOGGLES = 300;

    @Test
    void startStopAndConsumerCreationRacingFromSeveralThreadsLeaveTheHoldAsTheConnectionIsLast() throws Exception {
        Queue queue = context().createQueue(unique("racing"));
        Connection racing = connection();
        List<MessageConsumer> consumers = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        Thread toggler = new Thread(() -> {
            try {
                go.await();
                for (int i = 0; i < TOGGLES; i++) {
                    racing.start();
                    racing.stop();
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        });
        List<Thread> creators = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            creators.add(new Thread(() -> {
                try {
                    go.await();
                    for (int i = 0; i < CONSUMERS / 4; i++) {
                        consumers.add(racing.createSession().createConsumer(queue));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        toggler.start();
        creators.forEach(Thread::start);
        go.countDown();
        toggler.join(TimeUnit.SECONDS.toMillis(30));
        for (Thread c : creators) {
            c.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(failures).isEmpty();
        assertThat(consumers).hasSize(CONSUMERS);

        // stopped last: every message goes to the started connection's consumer, in order
        racing.stop();
        Connection other = startedConnection();
        Session otherSession = other.createSession();
        MessageConsumer started = otherSession.createConsumer(queue);
        String[] texts = new String[100];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "while stopped " + i;
        }
        sendTexts(otherSession, queue, texts);
        for (String expected : texts) {
            assertThat(receiveText(started)).isEqualTo(expected);
        }
        for (MessageConsumer c : consumers) {
            assertThat(c.receiveNoWait()).isNull();
        }
        started.close();

        // started: every one of its consumers takes a share again
        racing.start();
        String[] more = new String[CONSUMERS * 4];
        for (int i = 0; i < more.length; i++) {
            more[i] = "while started " + i;
        }
        sendTexts(otherSession, queue, more);
        for (MessageConsumer c : consumers) {
            assertThat(c.receive(RECEIVE_TIMEOUT)).as("a share for every consumer of the started connection")
                    .isNotNull();
        }
    }
}
