package io.warren.jms.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.message.Message;
import io.warren.jms.destination.WarrenQueue;
import io.warren.jms.destination.WarrenTemporaryQueue;
import io.warren.jms.destination.WarrenTemporaryTopic;
import io.warren.jms.destination.WarrenTopic;
import jakarta.jms.Destination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JMSDestination from where the message was published, and JMSReplyTo from its URI. */
class ReceivedDestinationTest {

    private static Destination destinationOf(String exchange, String routingKey) {
        return Received.of(Message.builder().exchange(exchange).routingKey(routingKey)
                .contentType(ContentTypes.MESSAGE).build()).getJMSDestination();
    }

    private static Destination replyToOf(String uri) {
        return Received.of(Message.builder().replyTo(uri).build()).getJMSReplyTo();
    }

    @Test
    void theDefaultExchangeMeansAQueue() {
        assertThat(destinationOf("", "orders")).isExactlyInstanceOf(WarrenQueue.class)
                .isEqualTo(new WarrenQueue("orders"));
    }

    @Test
    void aTemporaryQueueNameMeansATemporaryQueue() {
        Destination d = destinationOf("", "warren.temp-queue.c1.4");
        assertThat(d).isInstanceOf(WarrenTemporaryQueue.class);
        assertThat(((WarrenTemporaryQueue) d).getQueueName()).isEqualTo("warren.temp-queue.c1.4");
        assertThat(((WarrenTemporaryQueue) d).owner()).isNull();
    }

    @Test
    void theTopicExchangeMeansATopic() {
        assertThat(destinationOf("amq.topic", "news.eu")).isExactlyInstanceOf(WarrenTopic.class)
                .isEqualTo(new WarrenTopic("news.eu"));
    }

    @Test
    void aTemporaryTopicKeyMeansATemporaryTopic() {
        Destination d = destinationOf("amq.topic", "warren.temp-topic.c1.2");
        assertThat(d).isInstanceOf(WarrenTemporaryTopic.class);
        assertThat(((WarrenTemporaryTopic) d).getTopicName()).isEqualTo("warren.temp-topic.c1.2");
    }

    @Test
    void anyOtherExchangeMeansAnExchangeAddressTopic() {
        WarrenTopic t = (WarrenTopic) destinationOf("prices", "acme.eu");
        assertThat(t.getTopicName()).isEqualTo("exchange:prices/acme.eu");
        assertThat(t.exchange()).isEqualTo("prices");
        assertThat(t.routingKey()).isEqualTo("acme.eu");
    }

    @Test
    void anEmptyKeyOnAnotherExchangeIsLeftOut() {
        assertThat(((WarrenTopic) destinationOf("amq.fanout", "")).getTopicName()).isEqualTo("exchange:amq.fanout");
    }

    @Test
    void aKeyThatCannotBeAddressedGivesNoDestinationRatherThanFailing() {
        assertThat(destinationOf("prices", "a?b")).isNull();
    }

    @Test
    void replyToUrisOfEveryKindAreParsed() {
        assertThat(replyToOf("queue://a")).isEqualTo(new WarrenQueue("a"));
        assertThat(replyToOf("topic://b")).isEqualTo(new WarrenTopic("b"));
        assertThat(replyToOf("temp-queue://c")).isEqualTo(new WarrenTemporaryQueue("c", null));
        assertThat(replyToOf("temp-topic://d")).isEqualTo(new WarrenTemporaryTopic("d", null));
        assertThat(replyToOf("topic://exchange:prices/x")).isEqualTo(new WarrenTopic("exchange:prices/x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nonsense", "ftp://x", "", "topic://exchange:"})
    void anUnparsableReplyToIsNullAndTheReceiveSucceeds(String uri) {
        assertThat(replyToOf(uri)).isNull();
    }

    @Test
    void noReplyToIsNull() {
        assertThat(replyToOf(null)).isNull();
    }

    @Test
    void aDestinationSentAsReplyToComesBackEqual() throws Exception {
        WarrenMessage m = new WarrenMessage();
        WarrenTopic t = new WarrenTopic("exchange:prices/eu");
        m.setJMSReplyTo(t);
        assertThat(Received.copyOf(m).getJMSReplyTo()).isEqualTo(t);
    }
}
