package io.warren.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.broker.Channel;
import io.warren.broker.ConsumeOptions;
import io.warren.broker.Delivery;
import io.warren.broker.exchange.ExchangeType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueueMetersTest {
    private final MeteredBroker b = MeteredBroker.start();

    @AfterEach
    void close() {
        b.close();
    }

    @Test
    void readyAndUnackedGaugesFollowPublishDeliveryAndAcknowledgement() {
        b.declare("q");
        b.publish("q", 3);
        assertThat(b.queueGauge("warren.queue.messages.ready", "q")).isEqualTo(3.0);
        assertThat(b.queueGauge("warren.queue.messages.unacked", "q")).isZero();

        Delivery first = b.get("q");
        b.get("q");
        assertThat(b.queueGauge("warren.queue.messages.ready", "q")).isEqualTo(1.0);
        assertThat(b.queueGauge("warren.queue.messages.unacked", "q")).isEqualTo(2.0);

        b.channel.ack(first.deliveryTag(), false);
        assertThat(b.queueGauge("warren.queue.messages.unacked", "q")).isEqualTo(1.0);
    }

    @Test
    void publishDeliverAndAckCountersCountEachMessageOnce() {
        b.declare("q");
        b.publish("q", 5);
        for (int i = 0; i < 4; i++) {
            b.channel.ack(b.get("q").deliveryTag(), false);
        }
        b.channel.get("q", true, null);

        assertThat(b.queueCounter("warren.queue.messages.published", "q")).isEqualTo(5.0);
        assertThat(b.queueCounter("warren.queue.messages.delivered", "q")).isEqualTo(5.0);
        // The auto-acknowledged get is delivered, not acknowledged.
        assertThat(b.queueCounter("warren.queue.messages.acknowledged", "q")).isEqualTo(4.0);
        assertThat(b.queueCounter("warren.queue.messages.redelivered", "q")).isZero();
    }

    @Test
    void requeuedMessageCountsAsRedeliveredWhenDeliveredAgain() {
        b.declare("q");
        b.publish("q", 1);
        b.channel.nack(b.get("q").deliveryTag(), false, true);
        Delivery again = b.get("q");

        assertThat(again.redelivered()).isTrue();
        assertThat(b.queueCounter("warren.queue.messages.delivered", "q")).isEqualTo(2.0);
        assertThat(b.queueCounter("warren.queue.messages.redelivered", "q")).isEqualTo(1.0);
        assertThat(b.queueCounter("warren.queue.messages.published", "q")).isEqualTo(1.0);
    }

    @Test
    void rejectedMessageIsDeadLetteredByItsQueueAndPublishedToTheDeadLetterQueue() {
        b.channel.exchangeDeclare("dlx", ExchangeType.FANOUT, false, false, false, Map.of());
        b.declare("dead");
        b.channel.queueBind("dead", "dlx", "", Map.of());
        b.declare("work", Map.of("x-dead-letter-exchange", "dlx"));
        b.publish("work", 2);

        b.channel.reject(b.get("work").deliveryTag(), false);
        b.channel.nack(b.get("work").deliveryTag(), false, false);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(b.queueCounter("warren.queue.messages.published", "dead")).isEqualTo(2.0));
        assertThat(b.queueCounter("warren.queue.messages.dead.lettered", "work")).isEqualTo(2.0);
        assertThat(b.queueCounter("warren.queue.messages.discarded", "work")).isZero();
        assertThat(b.queueGauge("warren.queue.messages.ready", "dead")).isEqualTo(2.0);
    }

    @Test
    void rejectedMessageWithoutDeadLetterExchangeCountsAsDiscarded() {
        b.declare("q");
        b.publish("q", 1);
        b.channel.reject(b.get("q").deliveryTag(), false);

        assertThat(b.queueCounter("warren.queue.messages.discarded", "q")).isEqualTo(1.0);
        assertThat(b.queueCounter("warren.queue.messages.dead.lettered", "q")).isZero();
        assertThat(b.queueGauge("warren.queue.messages.ready", "q")).isZero();
    }

    @Test
    void readyBytesAndConsumersGaugesFollowTheQueue() throws InterruptedException {
        b.declare("q");
        b.channel.publish("", "q", MeteredBroker.text("12345")).join();
        b.channel.publish("", "q", MeteredBroker.text("678")).join();
        assertThat(b.queueGauge("warren.queue.messages.ready.bytes", "q")).isEqualTo(8.0);
        assertThat(b.queueGauge("warren.queue.consumers", "q")).isZero();

        BlockingQueue<Delivery> received = new LinkedBlockingQueue<>();
        Channel consumer = b.broker.defaultVirtualHost().connect("c").createChannel();
        String tag = consumer.consume("q", ConsumeOptions.prefetch(10), received::add);
        assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(b.queueGauge("warren.queue.consumers", "q")).isEqualTo(1.0);
        assertThat(b.queueGauge("warren.queue.messages.ready.bytes", "q")).isZero();
        assertThat(b.queueGauge("warren.queue.messages.unacked", "q")).isEqualTo(2.0);

        consumer.cancel(tag);
        assertThat(b.queueGauge("warren.queue.consumers", "q")).isZero();
    }

    @Test
    void queueDeclaredAfterBindingGetsItsMeters() {
        assertThat(b.queueMeters("late").meters()).isEmpty();
        b.declare("late");
        b.publish("late", 2);

        assertThat(b.queueMeters("late").meters()).hasSize(QueueFigure.values().length);
        assertThat(b.queueGauge("warren.queue.messages.ready", "late")).isEqualTo(2.0);
    }

    @Test
    void deletedQueueLosesItsMeters() {
        b.declare("q");
        b.declare("other");
        b.publish("q", 1);
        b.channel.queueDelete("q", false, false);

        assertThat(b.queueMeters("q").meters()).isEmpty();
        assertThat(b.queueMeters("other").meters()).isNotEmpty();
    }

    @Test
    void queueDeclaredAgainAfterDeletionStartsItsCountersFromZero() {
        b.declare("q");
        b.publish("q", 3);
        b.channel.queueDelete("q", false, false);
        b.declare("q");
        b.publish("q", 1);

        assertThat(b.queueCounter("warren.queue.messages.published", "q")).isEqualTo(1.0);
        assertThat(b.queueGauge("warren.queue.messages.ready", "q")).isEqualTo(1.0);
    }

    @Test
    void queuesOfAnotherVirtualHostAreTaggedWithIt() {
        Channel other = b.broker.createVirtualHost("tenant").connect("t").createChannel();
        other.queueDeclare("q", false, false, false, Map.of());
        other.publish("", "q", MeteredBroker.text("x")).join();
        b.declare("q");

        assertThat(b.registry.get("warren.queue.messages.ready").tags("vhost", "tenant", "queue", "q").gauge().value())
                .isEqualTo(1.0);
        assertThat(b.queueGauge("warren.queue.messages.ready", "q")).isZero();
    }

    @Test
    void exclusiveQueueLosesItsMetersWhenItsConnectionCloses() {
        var connection = b.broker.defaultVirtualHost().connect("owner");
        connection.createChannel().queueDeclare("mine", false, true, false, Map.of());
        assertThat(b.queueMeters("mine").meters()).isNotEmpty();

        connection.close();
        assertThat(b.queueMeters("mine").meters()).isEmpty();
    }
}
