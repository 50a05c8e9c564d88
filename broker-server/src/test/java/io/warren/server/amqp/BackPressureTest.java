package io.warren.server.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.warren.server.ServerFixture;
import io.warren.server.amqp.method.BasicConsume;
import io.warren.server.amqp.method.MethodCodec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A consumer that does not read its socket makes the server hold messages in their queue instead of in its
 * heap: deliveries pause once the socket and the server's outbound buffers are full, and resume as the client
 * reads.
 */
class BackPressureTest {
    private static final int MESSAGES = 300;
    private static final int SIZE = 256 * 1024;

    @Test
    void aConsumerThatStopsReadingLeavesMessagesInTheQueueAndGetsThemAllOnceItReads() throws Exception {
        try (ServerFixture f = ServerFixture.start()) {
            Connection publisher = f.connect();
            Channel ch = publisher.createChannel();
            ch.queueDeclare("slow", false, false, false, null);
            try (RawAmqpClient consumer = RawAmqpClient.open(f.server.port(), 0, 131072, 0)) {
                consumer.openChannel(1);
                ByteBuf args = Unpooled.buffer();
                MethodCodec.encode(new BasicConsume("slow", "slow-reader", false, true, false, false, Map.of()), args);
                consumer.sendFrame(1, 1, ByteBufUtil.getBytes(args));
                consumer.awaitMethod(60, 21);

                ch.confirmSelect();
                byte[] body = new byte[SIZE];
                for (int i = 0; i < MESSAGES; i++) {
                    ch.basicPublish("", "slow", null, body);
                }
                ch.waitForConfirmsOrDie(30_000);

                // At most the socket buffers and the server's bounded outbound buffers (a few MiB) left the queue.
                int queued = ch.queueDeclarePassive("slow").getMessageCount();
                assertThat(queued).isGreaterThanOrEqualTo(MESSAGES - 100);

                int delivered = 0;
                while (delivered < MESSAGES) {
                    RawAmqpClient.Frame frame = consumer.awaitMethod(60, 60);
                    assertThat(frame).as("delivery %d", delivered + 1).isNotNull();
                    delivered++;
                }
                assertThat(ch.queueDeclarePassive("slow").getMessageCount()).isZero();
            }
        }
    }
}
