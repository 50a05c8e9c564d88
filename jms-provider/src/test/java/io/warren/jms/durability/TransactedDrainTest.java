package io.warren.jms.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.jms.transport.vm.VmBrokers;
import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found while draining a journal in large transactions ({@link DiskUsageTest}): a consumer that settles late
 * (transacted, or CLIENT_ACKNOWLEDGE) must be able to receive more messages than the prefetch before it commits or
 * acknowledges, since the prefetch is documented as "messages a consumer may hold ahead of the application".
 */
class TransactedDrainTest {
    private static final int PREFETCH = 10;

    @TempDir
    Path dir;

    private final String brokerName = "transacted-drain-" + ProcessHandle.current().pid();

    @AfterEach
    void stop() {
        VmBrokers.stop(brokerName);
    }

    @ParameterizedTest
    @ValueSource(ints = {Session.SESSION_TRANSACTED, Session.CLIENT_ACKNOWLEDGE})
    void aConsumerMayReceiveMoreThanThePrefetchBeforeItSettles(int mode) throws Exception {
        WarrenConnectionFactory factory = new WarrenConnectionFactory("vm://" + brokerName + "?dataDir=" + dir
                + "&prefetch=" + PREFETCH);
        try (Connection c = factory.createConnection()) {
            c.start();
            Session producerSession = c.createSession();
            Queue queue = producerSession.createQueue("drain");
            MessageProducer producer = producerSession.createProducer(queue);
            for (int i = 0; i < 3 * PREFETCH; i++) {
                producer.send(producerSession.createTextMessage("m" + i));
            }
            Session session = c.createSession(mode);
            MessageConsumer consumer = session.createConsumer(queue);
            Message last = null;
            for (int i = 0; i < 3 * PREFETCH; i++) {
                last = consumer.receive(2_000);
                assertThat(last).as("message %d before settling", i + 1).isNotNull();
            }
            if (mode == Session.SESSION_TRANSACTED) {
                session.commit();
            } else {
                last.acknowledge();
            }
        }
    }
}
