package io.warren.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
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
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Queue browsers look at messages without consuming them. */
class BrowserTest extends JmsTestSupport {

    private static List<String> browse(QueueBrowser browser) throws Exception {
        List<String> out = new ArrayList<>();
        Enumeration<?> e = browser.getEnumeration();
        while (e.hasMoreElements()) {
            out.add(text((Message) e.nextElement()));
        }
        return out;
    }

    @Test
    void browsingDoesNotConsume() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("browse"));
        sendTexts(s, q, "m1", "m2", "m3");

        QueueBrowser browser = s.createBrowser(q);
        assertThat(browser.getQueue()).isEqualTo(q);
        assertThat(browser.getMessageSelector()).isNull();
        assertThat(browse(browser)).containsExactly("m1", "m2", "m3");
        assertThat(browse(browser)).containsExactly("m1", "m2", "m3");
        assertThat(readyCount(q.getQueueName())).isEqualTo(3);

        MessageConsumer consumer = s.createConsumer(q);
        assertThat(receiveTexts(consumer, 3)).containsExactly("m1", "m2", "m3");
        assertThat(browse(browser)).isEmpty();
    }

    @Test
    void anEnumerationFetchesTheQueueInBoundedBatchesAsItGoes() throws Exception {
        Session s = connection().createSession();
        Queue q = s.createQueue(unique("browse-batches"));
        MessageProducer producer = s.createProducer(q);
        int total = 3 * BrowseEnumeration.BATCH + 17;
        for (int i = 0; i < total; i++) {
            producer.send(s.createTextMessage("m" + i));
        }

        BrowseEnumeration e = (BrowseEnumeration) s.createBrowser(q).getEnumeration();
        List<String> seen = new ArrayList<>();
        while (e.hasMoreElements()) {
            assertThat(e.batchSize()).as("messages held").isLessThanOrEqualTo(BrowseEnumeration.BATCH);
            seen.add(text((Message) e.nextElement()));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            expected.add("m" + i);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void anEnumerationShowsMessagesSentAfterItWasCreatedButNeverOneTwice() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("browse-live"));
        sendTexts(s, q, "m1", "m2");
        Enumeration<?> e = s.createBrowser(q).getEnumeration();
        assertThat(text((Message) e.nextElement())).isEqualTo("m1");
        sendTexts(s, q, "m3");
        MessageConsumer consumer = s.createConsumer(q);
        assertThat(receiveText(consumer)).isEqualTo("m1");
        List<String> rest = new ArrayList<>();
        while (e.hasMoreElements()) {
            rest.add(text((Message) e.nextElement()));
        }
        assertThat(rest).as("m2 stayed; m3 may or may not be shown; m1 never again").startsWith("m2")
                .doesNotContain("m1").doesNotHaveDuplicates();
    }

    @Test
    void browsedMessagesLookLikeFirstDeliveries() throws Exception {
        Session s = connection().createSession();
        Queue q = s.createQueue(unique("browse-headers"));
        TextMessage sent = s.createTextMessage("hello");
        sent.setStringProperty("color", "red");
        sent.setJMSCorrelationID("corr");
        s.createProducer(q).send(sent);

        Enumeration<?> e = s.createBrowser(q).getEnumeration();
        TextMessage seen = (TextMessage) e.nextElement();
        assertThat(seen.getText()).isEqualTo("hello");
        assertThat(seen.getJMSMessageID()).isEqualTo(sent.getJMSMessageID());
        assertThat(seen.getJMSCorrelationID()).isEqualTo("corr");
        assertThat(seen.getStringProperty("color")).isEqualTo("red");
        assertThat(seen.getJMSDestination()).isEqualTo(q);
        assertThat(seen.getJMSRedelivered()).isFalse();
        assertThat(e.hasMoreElements()).isFalse();
        assertThatThrownBy(e::nextElement).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aBrowserWithASelectorShowsOnlyMatchingMessages() throws Exception {
        Session s = connection().createSession();
        Queue q = s.createQueue(unique("browse-selector"));
        MessageProducer p = s.createProducer(q);
        for (int i = 1; i <= 6; i++) {
            TextMessage m = s.createTextMessage("m" + i);
            m.setIntProperty("n", i);
            p.send(m);
        }
        QueueBrowser evens = s.createBrowser(q, "n / 2 * 2 = n");
        assertThat(evens.getMessageSelector()).isEqualTo("n / 2 * 2 = n");
        assertThat(browse(evens)).containsExactly("m2", "m4", "m6");
        assertThat(browse(s.createBrowser(q, "n > 4"))).containsExactly("m5", "m6");
        assertThat(browse(s.createBrowser(q, "n > 100"))).isEmpty();
    }

    @Test
    void theEnumerationFollowsDeliveryOrderPriorityFirst() throws Exception {
        Session s = connection().createSession();
        Queue q = s.createQueue(unique("browse-order"));
        MessageProducer p = s.createProducer(q);
        p.send(s.createTextMessage("low-1"), jakarta.jms.DeliveryMode.NON_PERSISTENT, 1, 0);
        p.send(s.createTextMessage("high-1"), jakarta.jms.DeliveryMode.NON_PERSISTENT, 9, 0);
        p.send(s.createTextMessage("low-2"), jakarta.jms.DeliveryMode.NON_PERSISTENT, 1, 0);
        p.send(s.createTextMessage("normal"), jakarta.jms.DeliveryMode.NON_PERSISTENT, 4, 0);
        p.send(s.createTextMessage("high-2"), jakarta.jms.DeliveryMode.NON_PERSISTENT, 9, 0);
        assertThat(browse(s.createBrowser(q))).containsExactly("high-1", "high-2", "normal", "low-1", "low-2");
    }

    @Test
    void anEnumerationWalksTheQueueAsItIsWhenItGetsThere() throws Exception {
        Session s = connection().createSession();
        Queue q = s.createQueue(unique("browse-live"));
        sendTexts(s, q, "m1", "m2");
        QueueBrowser browser = s.createBrowser(q);
        Enumeration<?> before = browser.getEnumeration();
        sendTexts(s, q, "m3");
        List<String> seen = new ArrayList<>();
        for (Object m : Collections.list(before)) {
            seen.add(text((Message) m));
        }
        // Not a snapshot: the specification lets an enumeration show changes, and this one reads in batches.
        assertThat(seen).containsExactly("m1", "m2", "m3");
        assertThat(browse(browser)).containsExactly("m1", "m2", "m3");
    }

    @Test
    void browsingAnEmptyOrNewQueueGivesAnEmptyEnumeration() throws Exception {
        Session s = connection().createSession();
        Queue q = s.createQueue(unique("browse-empty"));
        Enumeration<?> e = s.createBrowser(q).getEnumeration();
        assertThat(e.hasMoreElements()).isFalse();
    }

    @Test
    void browsingWorksOnAStoppedConnection() throws Exception {
        Connection c = connection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("browse-stopped"));
        sendTexts(s, q, "m1");
        assertThat(browse(s.createBrowser(q))).containsExactly("m1");
    }

    @Test
    void aClosedBrowserCannotBeUsed() throws Exception {
        Session s = connection().createSession();
        Queue q = s.createQueue(unique("browse-closed"));
        QueueBrowser browser = s.createBrowser(q);
        browser.close();
        browser.close();
        assertThatThrownBy(browser::getEnumeration).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(browser::getQueue).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void browsingThroughJmsContext() throws Exception {
        JMSContext ctx = context();
        Queue q = ctx.createQueue(unique("browse-context"));
        ctx.createProducer().send(q, "a").send(q, "b");
        QueueBrowser browser = ctx.createBrowser(q);
        assertThat(browse(browser)).containsExactly("a", "b");
        assertThat(browse(ctx.createBrowser(q, "JMSPriority = 4"))).containsExactly("a", "b");
    }
}
