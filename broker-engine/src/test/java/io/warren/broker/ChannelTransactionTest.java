package io.warren.broker;

import static io.warren.broker.EngineFixture.body;
import static io.warren.broker.EngineFixture.take;
import static io.warren.broker.EngineFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChannelTransactionTest {
    private EngineFixture f;
    private Channel tx;

    @BeforeEach
    void setUp() {
        f = EngineFixture.start();
        f.declare("in", Map.of());
        f.declare("out", Map.of());
        tx = f.connection.createChannel();
        tx.txSelect();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void publishesAreInvisibleUntilCommit() {
        tx.publish("", "out", text("a"));
        tx.publish("", "out", text("b"));
        assertThat(f.channel.queueDeclarePassive("out").messageCount()).isZero();
        tx.txCommit().join();
        assertThat(f.drain("out")).containsExactly("a", "b");
    }

    @Test
    void rollbackDiscardsPublishes() {
        tx.publish("", "out", text("a"));
        tx.txRollback();
        tx.txCommit().join();
        assertThat(f.drain("out")).isEmpty();
    }

    @Test
    void commitAppliesAcksAndPublishesTogether() throws Exception {
        f.send("in", "order-1");
        BlockingQueue<Delivery> in = EngineFixture.consume(tx, "in", ConsumeOptions.prefetch(10));
        Delivery d = take(in, 1).get(0);
        tx.ack(d.deliveryTag(), false);
        tx.publish("", "out", text("shipped-1"));
        assertThat(f.channel.queueDeclarePassive("in").messageCount()).isZero();
        assertThat(tx.unacknowledgedCount()).isZero();
        tx.txCommit().join();
        assertThat(f.drain("out")).containsExactly("shipped-1");
        tx.recover();
        assertThat(f.drain("in")).isEmpty();
    }

    @Test
    void rollbackThenRecoverRestoresOrderAndMarksRedelivered() throws Exception {
        for (int i = 1; i <= 4; i++) {
            f.send("in", "m" + i);
        }
        BlockingQueue<Delivery> in = EngineFixture.consume(tx, "in", ConsumeOptions.prefetch(10));
        List<Delivery> first = take(in, 4);
        List<Long> tags = new ArrayList<>();
        for (Delivery d : first) {
            tags.add(d.deliveryTag());
        }
        tx.ack(tags);
        tx.txRollback();
        tx.recover(tags.subList(0, 2), tags.subList(2, 4));
        List<Delivery> again = take(in, 4);
        assertThat(again).extracting(EngineFixture::body).containsExactly("m1", "m2", "m3", "m4");
        assertThat(again).extracting(Delivery::redelivered).containsExactly(true, true, false, false);
    }

    @Test
    void commitWithoutTxSelectIsAnIllegalStateError() {
        assertThatThrownBy(() -> f.channel.txCommit())
                .isInstanceOf(BrokerException.class).extracting("code").isEqualTo(ErrorCode.ILLEGAL_STATE);
    }

    @Test
    void closingATransactionalChannelRollsBackItsAcks() throws Exception {
        f.send("in", "x");
        BlockingQueue<Delivery> in = EngineFixture.consume(tx, "in", ConsumeOptions.prefetch(10));
        tx.ack(take(in, 1).get(0).deliveryTag(), false);
        tx.close();
        Delivery d = f.channel.get("in", true, null);
        assertThat(body(d)).isEqualTo("x");
        assertThat(d.redelivered()).isTrue();
    }
}
