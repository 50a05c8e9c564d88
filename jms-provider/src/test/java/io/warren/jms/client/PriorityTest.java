package io.warren.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JMS priorities 0-9: higher first, FIFO within a priority. */
class PriorityTest extends JmsTestSupport {

    /** Sends two messages per priority, in a shuffled priority order. */
    private static List<String> sendMixed(Session s, MessageProducer p) throws JMSException {
        int[] order = {3, 9, 0, 5, 7, 1, 8, 2, 6, 4, 9, 0, 4, 3, 5, 1, 7, 2, 8, 6};
        int[] seq = new int[10];
        List<String> expected = new ArrayList<>();
        for (int prio : order) {
            p.send(s.createTextMessage("p" + prio + "-" + seq[prio]++), DeliveryMode.NON_PERSISTENT, prio, 0);
        }
        for (int prio = 9; prio >= 0; prio--) {
            expected.add("p" + prio + "-0");
            expected.add("p" + prio + "-1");
        }
        return expected;
    }

    @Test
    void messagesSentWhileNobodyConsumesComeOutHighestPriorityFirstAndFifoWithinAPriority() throws Exception {
        Connection c = connection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("priority"));
        List<String> expected = sendMixed(s, s.createProducer(q));

        c.start();
        MessageConsumer consumer = s.createConsumer(q);
        List<String> got = receiveTexts(consumer, 20);
        assertThat(got).containsExactlyElementsOf(expected);
    }

    @Test
    void messagesAlreadyPushedToAConsumerOfAStoppedConnectionAreAlsoHandedOutByPriority() throws Exception {
        Connection c = connection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("priority-prefetched"));
        // pushed while the connection is started, held in the consumer's buffer once it is stopped
        c.start();
        MessageConsumer consumer = s.createConsumer(q);
        List<String> expected = sendMixed(s, s.createProducer(q));
        assertThat(readyCount(q.getQueueName())).as("all prefetched by the consumer").isZero();
        c.stop();
        c.start();
        assertThat(receiveTexts(consumer, 20)).containsExactlyElementsOf(expected);
    }

    @Test
    void priorityOrderHoldsForADurableSubscription() throws Exception {
        Connection c = connection(factoryWithClientId("priority-client"));
        Session s = c.createSession();
        Topic t = s.createTopic(unique("priority-durable"));
        s.createDurableConsumer(t, "sub").close();
        List<String> expected = sendMixed(s, s.createProducer(t));
        c.start();
        assertThat(receiveTexts(s.createDurableConsumer(t, "sub"), 20)).containsExactlyElementsOf(expected);
    }

    @Test
    void priorityOrderHoldsForATopicSubscription() throws Exception {
        Connection c = connection();
        Session s = c.createSession();
        Topic t = s.createTopic(unique("priority-topic"));
        MessageConsumer subscriber = s.createConsumer(t);
        List<String> expected = sendMixed(s, s.createProducer(t));
        c.start();
        assertThat(receiveTexts(subscriber, 20)).containsExactlyElementsOf(expected);
    }

    @Test
    void receivedMessagesCarryTheirPriority() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("priority-header"));
        MessageProducer p = s.createProducer(q);
        assertThat(p.getPriority()).isEqualTo(Message.DEFAULT_PRIORITY);
        p.setPriority(7);
        p.send(s.createTextMessage("seven"));
        Message m = receive(s.createConsumer(q));
        assertThat(m.getJMSPriority()).isEqualTo(7);
    }

    @Test
    void thePriorityOfAMessageIsSetBySendNotByTheApplication() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("priority-override"));
        Message m = s.createTextMessage("x");
        m.setJMSPriority(9);
        s.createProducer(q).send(m);
        assertThat(m.getJMSPriority()).isEqualTo(4);
        assertThat(receive(s.createConsumer(q)).getJMSPriority()).isEqualTo(4);
    }

    @Test
    void outOfRangePrioritiesAreRejected() throws Exception {
        Session s = connection().createSession();
        MessageProducer p = s.createProducer(s.createQueue(unique("bad-priority")));
        assertThatThrownBy(() -> p.setPriority(10)).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> p.setPriority(-1)).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> p.send(s.createTextMessage("x"), DeliveryMode.PERSISTENT, 11, 0))
                .isInstanceOf(JMSException.class);
        JMSContext ctx = context();
        assertThatThrownBy(() -> ctx.createProducer().setPriority(10)).isInstanceOf(JMSRuntimeException.class);
    }

    @Test
    void jmsContextProducerPriority() throws Exception {
        JMSContext ctx = context();
        Queue q = ctx.createQueue(unique("priority-context"));
        ctx.setAutoStart(false);
        ctx.createProducer().setPriority(1).send(q, "low");
        ctx.createProducer().setPriority(8).send(q, "high");
        ctx.start();
        var consumer = ctx.createConsumer(q);
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("high");
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("low");
    }
}
