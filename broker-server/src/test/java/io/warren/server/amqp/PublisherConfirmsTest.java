package io.warren.server.amqp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import io.warren.broker.BrokerConfig;
import io.warren.server.ServerFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherConfirmsTest {
    @TempDir
    Path dataDir;

    private ServerFixture durableBroker() {
        return ServerFixture.start(BrokerConfig.builder("confirms-" + System.nanoTime()).dataDirectory(dataDir)
                .build());
    }

    @Test
    void persistentMessagesToADurableQueueAreConfirmedAndStoredOnDisk() throws Exception {
        try (ServerFixture f = durableBroker()) {
            Channel ch = f.connect().createChannel();
            ch.queueDeclare("durable", true, false, false, null);
            ch.confirmSelect();
            for (int i = 0; i < 500; i++) {
                ch.basicPublish("", "durable", MessageProperties.PERSISTENT_BASIC, ("m" + i).getBytes(UTF_8));
            }
            ch.waitForConfirmsOrDie(5_000);
            assertThat(ch.queueDeclarePassive("durable").getMessageCount()).isEqualTo(500);
        }
        try (ServerFixture restarted = durableBroker()) {
            Channel ch = restarted.connect().createChannel();
            assertThat(ch.queueDeclarePassive("durable").getMessageCount()).isEqualTo(500);
            assertThat(new String(ch.basicGet("durable", true).getBody(), UTF_8)).isEqualTo("m0");
        }
    }

    @Test
    void confirmListenerIsToldOfEverySequenceNumber() throws Exception {
        try (ServerFixture f = durableBroker()) {
            Channel ch = f.connect().createChannel();
            ch.queueDeclare("durable", true, false, false, null);
            String transientQueue = ch.queueDeclare().getQueue();
            ch.confirmSelect();
            int count = 200;
            Set<Long> acked = new ConcurrentSkipListSet<>();
            Set<Long> nacked = ConcurrentHashMap.newKeySet();
            CountDownLatch all = new CountDownLatch(1);
            ch.addConfirmListener(new ConfirmListener() {
                @Override
                public void handleAck(long tag, boolean multiple) {
                    settle(acked, tag, multiple);
                }

                @Override
                public void handleNack(long tag, boolean multiple) {
                    settle(nacked, tag, multiple);
                }

                private void settle(Set<Long> into, long tag, boolean multiple) {
                    long from = multiple ? 1 : tag;
                    for (long t = from; t <= tag; t++) {
                        if (!acked.contains(t) && !nacked.contains(t)) {
                            into.add(t);
                        }
                    }
                    if (acked.size() + nacked.size() == count) {
                        all.countDown();
                    }
                }
            });
            for (int i = 0; i < count; i++) {
                long seq = ch.getNextPublishSeqNo();
                assertThat(seq).isEqualTo(i + 1);
                if (i % 3 == 0) {
                    ch.basicPublish("", "durable", MessageProperties.PERSISTENT_BASIC, new byte[10]);
                } else if (i % 3 == 1) {
                    ch.basicPublish("", transientQueue, null, new byte[10]);
                } else {
                    ch.basicPublish("amq.direct", "unrouted", null, new byte[10]);
                }
            }
            assertThat(all.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(nacked).isEmpty();
            assertThat(acked).hasSize(count);
        }
    }

    @Test
    void publishRefusedByAFullRejectPublishQueueIsNacked() throws Exception {
        try (ServerFixture f = ServerFixture.start()) {
            Channel ch = f.connect().createChannel();
            ch.queueDeclare("full", false, false, false, Map.of("x-max-length", 1, "x-overflow", "reject-publish"));
            ch.confirmSelect();
            Set<Long> nacked = ConcurrentHashMap.newKeySet();
            ch.addConfirmListener((tag, multiple) -> { }, (tag, multiple) -> nacked.add(tag));

            ch.basicPublish("", "full", null, "fits".getBytes(UTF_8));
            ch.basicPublish("", "full", null, "refused".getBytes(UTF_8));

            assertThat(ch.waitForConfirms(5_000)).isFalse();
            assertThat(nacked).containsExactly(2L);
            assertThat(ch.queueDeclarePassive("full").getMessageCount()).isEqualTo(1);
            assertThat(new String(ch.basicGet("full", true).getBody(), UTF_8)).isEqualTo("fits");
        }
    }

    @Test
    void confirmSelectOnATransactionalChannelFailsWith406() throws Exception {
        try (ServerFixture f = ServerFixture.start()) {
            Connection c = f.connect();
            Channel ch = c.createChannel();
            ch.txSelect();
            AMQP.Channel.Close close = ClosedBy.channelError(ch::confirmSelect);
            assertThat(close.getReplyCode()).isEqualTo(406);
            assertThat(close.getReplyText()).contains("tx");

            Channel confirming = c.createChannel();
            confirming.confirmSelect();
            assertThat(ClosedBy.channelError(confirming::txSelect).getReplyCode()).isEqualTo(406);
        }
    }

    @Test
    void waitForConfirmsOrDieReturnsAtOnceWhenNothingIsOutstanding() throws Exception {
        try (ServerFixture f = ServerFixture.start()) {
            Channel ch = f.connect().createChannel();
            ch.confirmSelect();
            ch.confirmSelect();
            ch.waitForConfirmsOrDie(Duration.ofSeconds(1).toMillis());
            assertThat(ch.isOpen()).isTrue();
        }
    }
}
