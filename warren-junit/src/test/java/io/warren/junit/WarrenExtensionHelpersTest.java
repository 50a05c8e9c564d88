package io.warren.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The helpers, on a broker of each test's own (the extension in an instance field). */
class WarrenExtensionHelpersTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    final WarrenExtension warren = WarrenExtension.builder().queue("declared").build();

    @Test
    void sentTextIsReceivedOnceAndTheQueueIsThenEmpty() {
        Message sent = warren.send("orders", "order 42");

        Message received = warren.receive("orders", WAIT);

        assertThat(received).isInstanceOf(TextMessage.class);
        assertThat(received).extracting(this::id).isEqualTo(id(sent));
        assertThat(warren.queueDepth("orders")).isZero();
        assertThat(warren.receive("orders", Duration.ZERO)).isNull();
    }

    @Test
    void receiveTextReturnsTheBodyOrNullWhenNothingComesInTime() {
        warren.send("orders", "order 42");

        assertThat(warren.receiveText("orders", WAIT)).isEqualTo("order 42");
        assertThat(warren.receiveText("orders", Duration.ofMillis(50))).isNull();
    }

    @Test
    void receiveTextOfAMessageThatIsNotTextFailsSayingSo() {
        warren.send("map", ctx -> {
            MapMessage m = ctx.createMapMessage();
            m.setInt("quantity", 3);
            return m;
        });

        assertThatThrownBy(() -> warren.receiveText("map", WAIT)).isInstanceOf(MessageFormatRuntimeException.class);
    }

    @Test
    void sendWithPropertiesAndWithACreatorSetsWhatTheyAskFor() throws Exception {
        warren.send("orders", "eu order", Map.of("region", "eu", "priority", 7));
        warren.send("orders", ctx -> {
            TextMessage m = ctx.createTextMessage("us order");
            m.setStringProperty("region", "us");
            m.setJMSType("order");
            return m;
        });

        Message first = warren.receive("orders", WAIT);
        Message second = warren.receive("orders", WAIT);

        assertThat(first.getStringProperty("region")).isEqualTo("eu");
        assertThat(first.getIntProperty("priority")).isEqualTo(7);
        assertThat(second.getBody(String.class)).isEqualTo("us order");
        assertThat(second.getStringProperty("region")).isEqualTo("us");
        assertThat(second.getJMSType()).isEqualTo("order");
    }

    @Test
    void queueDepthCountsReadyAndUnacknowledgedMessagesAndIsZeroForNoQueue() throws Exception {
        assertThat(warren.queueDepth("no-such-queue")).isZero();
        warren.send("orders", "a");
        warren.send("orders", "b");
        assertThat(warren.queueDepth("orders")).isEqualTo(2);

        try (JMSContext ctx = warren.connectionFactory().createContext(JMSContext.CLIENT_ACKNOWLEDGE);
             JMSConsumer consumer = ctx.createConsumer(ctx.createQueue("orders"))) {
            Message held = consumer.receive(WAIT.toMillis());
            assertThat(warren.queueDepth("orders")).as("one ready, one delivered and unacknowledged").isEqualTo(2);
            held.acknowledge();
            assertThat(warren.queueDepth("orders")).isEqualTo(1);
        }
    }

    @Test
    void browseShowsTheMessagesInOrderAndLeavesThem() {
        warren.send("orders", "a");
        warren.send("orders", "b");

        assertThat(warren.browse("orders")).extracting(this::body).containsExactly("a", "b");
        assertThat(warren.queueDepth("orders")).isEqualTo(2);
    }

    @Test
    void drainTakesEverythingThereNowInOrder() {
        assertThat(warren.drainText("orders")).isEmpty();
        warren.send("orders", "a");
        warren.send("orders", "b");
        warren.send("orders", "c");

        assertThat(warren.drainText("orders")).containsExactly("a", "b", "c");
        assertThat(warren.queueDepth("orders")).isZero();
    }

    @Test
    void purgeRemovesTheReadyMessagesAndSaysHowMany() {
        warren.send("orders", "a");
        warren.send("orders", "b");

        assertThat(warren.purge("orders")).isEqualTo(2);
        assertThat(warren.queueDepth("orders")).isZero();
        assertThat(warren.purge("no-such-queue")).isZero();
    }

    @Test
    void queuesOfTheBuilderAndOfDeclareQueueExistAsJmsWouldCreateThem() {
        warren.declareQueue("later");

        assertThat(warren.broker().defaultVirtualHost().queue("declared")).hasValueSatisfying(q -> {
            assertThat(q.durable()).isTrue();
            assertThat(q.arguments()).containsEntry("x-max-priority", 9);
        });
        assertThat(warren.broker().defaultVirtualHost().hasQueue("later")).isTrue();
        // a JMS client uses them as they are
        try (JMSContext ctx = warren.connectionFactory().createContext()) {
            ctx.createProducer().send(ctx.createQueue("later"), "fits");
        }
        assertThat(warren.receiveText("later", WAIT)).isEqualTo("fits");
    }

    @Test
    void publishReachesTheTopicsSubscribers() {
        try (JMSContext ctx = warren.connectionFactory().createContext();
             JMSConsumer subscriber = ctx.createConsumer(ctx.createTopic("news.*"))) {
            warren.publish("news.eu", "for eu");

            assertThat(subscriber.receiveBody(String.class, WAIT.toMillis())).isEqualTo("for eu");
        }
    }

    @Test
    void helpersMayBeCalledFromSeveralThreadsAtOnce() throws Exception {
        Thread receiver = new Thread(() -> assertThat(warren.receiveText("replies", WAIT)).isEqualTo("reply"));
        receiver.start();
        // the waiting receive holds no lock the send needs
        warren.send("replies", "reply");
        receiver.join(WAIT.toMillis() * 2);
        assertThat(receiver.isAlive()).isFalse();
        assertThat(warren.queueDepth("replies")).isZero();
    }

    @Test
    void theUrlNamesTheBrokerAndItsFactoriesReachIt() {
        assertThat(warren.url()).isEqualTo("vm://" + warren.name());
        assertThat(warren.connectionFactory().getUrl()).isEqualTo(warren.url());
        assertThat(warren.xaConnectionFactory().getUrl()).isEqualTo(warren.url());
        assertThat(warren.connectionFactory()).isNotSameAs(warren.connectionFactory());
        assertThat(warren.dataDirectory()).isNull();
    }

    @Test
    void afterStopTheBrokerHelpersSayItIsNotRunning() {
        warren.stop();

        assertThat(warren.isRunning()).isFalse();
        assertThatThrownBy(warren::broker).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broker '" + warren.name() + "' of this WarrenExtension is not running");
        assertThatThrownBy(() -> warren.queueDepth("orders")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(warren::restart).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("start() after a stop()");
        warren.start();
        assertThat(warren.queueDepth("orders")).isZero();
    }

    @Test
    void restartClosesTheTestsConnectionsAndAnInMemoryBrokerComesBackEmpty() {
        warren.send("orders", "lost");
        JMSContext open = warren.connectionFactory().createContext();

        warren.restart();

        assertThat(warren.isRunning()).isTrue();
        assertThat(warren.queueDepth("orders")).isZero();
        assertThat(warren.broker().defaultVirtualHost().hasQueue("declared")).as("declared again").isTrue();
        assertThatThrownBy(() -> open.createProducer().send(open.createQueue("orders"), "x"))
                .isInstanceOf(jakarta.jms.JMSRuntimeException.class);
        open.close();
        assertThat(warren.send("orders", "after")).isNotNull();
    }

    private String id(Message m) {
        try {
            return m.getJMSMessageID();
        } catch (jakarta.jms.JMSException e) {
            throw new AssertionError(e);
        }
    }

    private String body(Message m) {
        try {
            return m.getBody(String.class);
        } catch (jakarta.jms.JMSException e) {
            throw new AssertionError(e);
        }
    }
}
