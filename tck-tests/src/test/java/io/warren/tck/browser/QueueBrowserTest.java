package io.warren.tck.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.tck.support.TckSupport;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Section 4.1.6 "QueueBrowser" and the {@code QueueBrowser} javadoc. */
@DisplayName("4.1.6 QueueBrowser")
class QueueBrowserTest extends TckSupport {

    private static List<String> texts(Enumeration<?> enumeration) throws Exception {
        List<String> texts = new ArrayList<>();
        for (Object element : elements(enumeration)) {
            texts.add(((TextMessage) element).getText());
        }
        return texts;
    }

    @Test
    @DisplayName("4.1.6: a client uses a QueueBrowser to look at messages on a queue without removing them")
    void browsingDoesNotRemove() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "a", "b", "c");
        Session session = connection.createSession();
        assertThat(texts(session.createBrowser(queue).getEnumeration())).containsExactlyInAnyOrder("a", "b", "c");
        MessageConsumer consumer = session.createConsumer(queue);
        assertThat(List.of(receiveText(consumer), receiveText(consumer), receiveText(consumer))).containsExactly("a", "b", "c");
    }

    @Test
    @DisplayName("QueueBrowser.getEnumeration: an enumeration for browsing the current queue messages in the order they would be received")
    void enumerationInReceiveOrder() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "1", "2", "3", "4");
        assertThat(texts(connection.createSession().createBrowser(queue).getEnumeration())).containsExactly("1", "2", "3", "4");
    }

    @Test
    @DisplayName("4.1.6: the enumeration may contain only the messages matching a message selector")
    void browserWithSelector() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        MessageProducer producer = session.createProducer(queue);
        for (int i = 0; i < 6; i++) {
            Message message = session.createTextMessage("m" + i);
            message.setBooleanProperty("even", i % 2 == 0);
            producer.send(message);
        }
        QueueBrowser browser = session.createBrowser(queue, "even = TRUE");
        assertThat(texts(browser.getEnumeration())).containsExactly("m0", "m2", "m4");
        assertThat(browser.getMessageSelector()).isEqualTo("even = TRUE");
    }

    @Test
    @DisplayName("QueueBrowser.getQueue: gets the queue associated with this queue browser")
    void getQueue() throws Exception {
        Queue queue = queue();
        QueueBrowser browser = connection().createSession().createBrowser(queue);
        assertThat(browser.getQueue()).isEqualTo(queue);
        assertThat(browser.getMessageSelector()).isNull();
    }

    @Test
    @DisplayName("4.1.6: browsing an empty queue gives an enumeration without elements")
    void emptyQueue() throws Exception {
        assertThat(connection().createSession().createBrowser(queue()).getEnumeration().hasMoreElements()).isFalse();
    }

    @Test
    @DisplayName("4.1.6: browsed messages carry their headers and properties")
    void browsedMessagesCarryHeadersAndProperties() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        TextMessage sent = session.createTextMessage("with properties");
        sent.setStringProperty("p", "v");
        sent.setJMSType("t");
        session.createProducer(queue).send(sent);
        Message browsed = (Message) session.createBrowser(queue).getEnumeration().nextElement();
        assertThat(browsed.getJMSMessageID()).isEqualTo(sent.getJMSMessageID());
        assertThat(browsed.getStringProperty("p")).isEqualTo("v");
        assertThat(browsed.getJMSType()).isEqualTo("t");
        assertThat(browsed.getJMSDestination()).isEqualTo(queue);
    }

    @Test
    @DisplayName("Session.createBrowser: InvalidDestinationException if an invalid (null) destination is specified")
    void nullQueueThrowsInvalidDestination() throws Exception {
        Session session = connection().createSession();
        assertThatThrownBy(() -> session.createBrowser(null)).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    @DisplayName("QueueBrowser.close: once closed, getEnumeration throws IllegalStateException; closing again is ignored")
    void closedBrowser() throws Exception {
        QueueBrowser browser = connection().createSession().createBrowser(queue());
        browser.close();
        assertThatThrownBy(browser::getEnumeration).isInstanceOf(IllegalStateException.class);
        assertThatCode(browser::close).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("6.2.15: a browser of a closed session cannot be used (IllegalStateException)")
    void browserOfClosedSession() throws Exception {
        Session session = connection().createSession();
        QueueBrowser browser = session.createBrowser(queue());
        session.close();
        assertThatThrownBy(browser::getEnumeration).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("4.1.6: a browser shows messages that are not yet acknowledged but not the ones already consumed and acknowledged")
    void consumedMessagesAreNotBrowsed() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "consumed", "remaining");
        Session session = connection.createSession();
        assertThat(receiveText(session.createConsumer(queue))).isEqualTo("consumed");
        session.close();
        assertThat(texts(connection.createSession().createBrowser(queue).getEnumeration())).containsExactly("remaining");
    }

    @Test
    @DisplayName("JMSContext.createBrowser: creates a QueueBrowser to peek at the messages on the queue")
    void contextBrowser() throws Exception {
        Queue queue = queue();
        JMSContext context = context();
        context.createProducer().send(queue, "peek");
        assertThat(texts(context.createBrowser(queue).getEnumeration())).containsExactly("peek");
        assertThat(context.createConsumer(queue).receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("peek");
    }
}
