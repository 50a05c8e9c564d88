package io.warren.jms.transport.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.jms.transport.BrokerChannel;
import io.warren.jms.transport.BrowseCursor;
import io.warren.message.Message;
import jakarta.jms.InvalidDestinationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The vm transport browses a queue a batch at a time, however deep it is. */
class VmBrowseCursorTest {
    private static final int MESSAGES = 50_000;

    private Broker broker;
    private VmConnection connection;
    private BrokerChannel channel;

    @BeforeEach
    void start() throws Exception {
        // A 16 MiB budget with queues paging past 64 KiB: 50,000 messages of 1 KiB are far beyond it.
        broker = Broker.start(BrokerConfig.builder("vm-browse-" + System.nanoTime()).jmx(false)
                .maxMemory(16L << 20).queuePagingThreshold(64L << 10).build());
        connection = new VmConnection(broker.name(), broker.defaultVirtualHost(), "test", null);
        channel = connection.createChannel();
    }

    @AfterEach
    void stop() {
        connection.close();
        broker.close();
    }

    @Test
    void aQueueFarLargerThanTheMemoryBudgetIsBrowsedInOrderInBoundedBatches() throws Exception {
        channel.declareQueue("deep", true, false, false, Map.of());
        byte[] padding = new byte[1000];
        CompletableFuture<?> last = null;
        for (int i = 0; i < MESSAGES; i++) {
            byte[] body = ("m" + i + ";").getBytes(StandardCharsets.US_ASCII);
            byte[] full = java.util.Arrays.copyOf(body, body.length + padding.length);
            last = channel.publish("", "deep", Message.builder().header("n", i).body(full).build());
        }
        last.join();
        assertThat(broker.defaultVirtualHost().queue("deep").orElseThrow().statistics().paged())
                .as("most of the queue is paged").isGreaterThan(MESSAGES / 2);

        BrowseCursor cursor = channel.browse("deep", null);
        int seen = 0;
        for (List<Message> batch = cursor.next(256); !batch.isEmpty(); batch = cursor.next(256)) {
            assertThat(batch.size()).isLessThanOrEqualTo(256);
            for (Message m : batch) {
                assertThat(m.headers().get("n")).as("message %d in order", seen).isEqualTo(seen);
                seen++;
            }
        }
        assertThat(seen).isEqualTo(MESSAGES);
        assertThat(cursor.next(256)).as("stays at the end").isEmpty();
    }

    @Test
    void aSelectorThatMatchesLittleSkipsWholeBatchesWithoutEndingEarly() throws Exception {
        channel.declareQueue("sparse", true, false, false, Map.of());
        for (int i = 0; i < 2_000; i++) {
            channel.publish("", "sparse", Message.builder().header("n", i).body(new byte[10]).build()).join();
        }
        BrowseCursor cursor = channel.browse("sparse", "n = 3 OR n = 1999");
        assertThat(cursor.next(10)).extracting(m -> m.headers().get("n")).containsExactly(3);
        assertThat(cursor.next(10)).extracting(m -> m.headers().get("n")).containsExactly(1999);
        assertThat(cursor.next(10)).isEmpty();
    }

    @Test
    void browsingAMissingQueueFailsWhenTheCursorIsOpened() {
        assertThatThrownBy(() -> channel.browse("missing", null)).isInstanceOf(InvalidDestinationException.class);
    }
}
