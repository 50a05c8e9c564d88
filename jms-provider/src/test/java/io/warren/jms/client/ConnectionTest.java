package io.warren.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Connections: client IDs, metadata, exception listener, closing, session modes, destination names. */
class ConnectionTest extends JmsTestSupport {

    @Test
    void theClientIdCanBeSetOnceRightAfterCreation() throws Exception {
        Connection c = connection();
        assertThat(c.getClientID()).isNull();
        c.setClientID("client-1");
        assertThat(c.getClientID()).isEqualTo("client-1");
        assertThatThrownBy(() -> c.setClientID("client-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aClientIdInUseByAnotherConnectionIsRejected() throws Exception {
        Connection first = connection();
        first.setClientID("taken");
        Connection second = connection();
        assertThatThrownBy(() -> second.setClientID("taken")).isInstanceOf(InvalidClientIDException.class);
        // the failed attempt did not use the connection up
        second.setClientID("free");

        WarrenConnectionFactory withId = factoryWithClientId("taken");
        assertThatThrownBy(withId::createConnection).isInstanceOf(InvalidClientIDException.class);

        // once released, the ID can be used again
        first.close();
        assertThat(connection(withId).getClientID()).isEqualTo("taken");
    }

    @Test
    void connectionsSharingAClientIdAreOpenAtOnceAndKeepTheOneConsumerRuleOfADurableSubscription()
            throws Exception {
        WarrenConnectionFactory shared = factoryWithClientId("pool");
        shared.setEnableSharedClientID(true);
        Connection a = connection(shared);
        Connection b = connection(shared);
        assertThat(a.getClientID()).isEqualTo("pool");
        assertThat(b.getClientID()).isEqualTo("pool");

        Session sa = a.createSession();
        Session sb = b.createSession();
        jakarta.jms.Topic topic = sa.createTopic(unique("shared-id-topic"));
        sa.createDurableConsumer(topic, "sub");
        assertThatThrownBy(() -> sb.createDurableConsumer(topic, "sub")).isInstanceOf(jakarta.jms.JMSException.class)
                .hasMessageContaining("sub");

        // an exclusive claim is not refused while connections share the ID ...
        Connection exclusive = connection(factoryWithClientId("pool"));
        assertThat(exclusive.getClientID()).isEqualTo("pool");
        // ... and while one holds it exclusively, a shared taker is refused with what to do
        assertThatThrownBy(shared::createConnection).isInstanceOf(InvalidClientIDException.class)
                .hasMessageContaining("'pool'").hasMessageContaining("enableSharedClientID");
    }

    @Test
    void theSharedClientIdOptionComesFromTheUrlAndIsCheckedThere() throws Exception {
        WarrenConnectionFactory fromUrl =
                new WarrenConnectionFactory(url + "?clientID=url-pool&enableSharedClientID=true");
        assertThat(fromUrl.isEnableSharedClientID()).isTrue();
        connection(fromUrl);
        assertThat(connection(fromUrl).getClientID()).isEqualTo("url-pool");
        assertThatThrownBy(() -> new WarrenConnectionFactory(url + "?enableSharedClientID=yes"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("enableSharedClientID")
                .hasMessageContaining("true or false");
    }

    @Test
    void invalidClientIdsAreRejected() throws Exception {
        Connection c = connection();
        assertThatThrownBy(() -> c.setClientID(null)).isInstanceOf(InvalidClientIDException.class);
        assertThatThrownBy(() -> c.setClientID("")).isInstanceOf(InvalidClientIDException.class);
    }

    @Test
    void theClientIdCannotBeSetAfterTheConnectionWasUsed() throws Exception {
        Connection sessionMade = connection();
        sessionMade.createSession();
        assertThatThrownBy(() -> sessionMade.setClientID("late-1")).isInstanceOf(IllegalStateException.class);

        Connection started = connection();
        started.start();
        assertThatThrownBy(() -> started.setClientID("late-2")).isInstanceOf(IllegalStateException.class);

        Connection listenerSet = connection();
        listenerSet.setExceptionListener(e -> {
        });
        assertThatThrownBy(() -> listenerSet.setClientID("late-3")).isInstanceOf(IllegalStateException.class);

        // none of the refused IDs was claimed
        connection().setClientID("late-1");
    }

    @Test
    void aClientIdFromTheFactoryOrUrlIsFixed() throws Exception {
        Connection c = connection(factoryWithClientId("from-factory"));
        assertThat(c.getClientID()).isEqualTo("from-factory");
        assertThatThrownBy(() -> c.setClientID("other")).isInstanceOf(IllegalStateException.class);

        Connection fromUrl = connection(new WarrenConnectionFactory(url + "?clientID=from-url"));
        assertThat(fromUrl.getClientID()).isEqualTo("from-url");
    }

    @Test
    void theExceptionListenerCanBeSetAndRead() throws Exception {
        Connection c = connection();
        assertThat(c.getExceptionListener()).isNull();
        ExceptionListener l = e -> {
        };
        c.setExceptionListener(l);
        assertThat(c.getExceptionListener()).isSameAs(l);
        c.setExceptionListener(null);
        assertThat(c.getExceptionListener()).isNull();
    }

    @Test
    void theExceptionListenerHearsOfAQueueDeletedUnderAnActiveConsumer() throws Exception {
        Connection c = startedConnection();
        List<JMSException> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
        c.setExceptionListener(reported::add);
        Session s = c.createSession();
        Queue q = s.createQueue(unique("deleted-under-consumer"));
        MessageConsumer consumer = s.createConsumer(q);
        virtualHost().queueDelete(null, q.getQueueName(), false, false);

        org.awaitility.Awaitility.await().until(() -> !reported.isEmpty());
        assertThat(reported.get(0)).isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining(q.getQueueName());
        assertThat(consumer.receive(RECEIVE_TIMEOUT)).isNull();
        consumer.close();
    }

    @Test
    void metaDataDescribesTheProviderAndItsJmsxProperties() throws Exception {
        ConnectionMetaData md = connection().getMetaData();
        assertThat(md.getJMSVersion()).isEqualTo("3.1");
        assertThat(md.getJMSMajorVersion()).isEqualTo(3);
        assertThat(md.getJMSMinorVersion()).isEqualTo(1);
        assertThat(md.getJMSProviderName()).isEqualTo("Warren");
        assertThat(md.getProviderVersion()).isNotBlank();
        List<String> names = new java.util.ArrayList<>();
        for (java.util.Enumeration<?> e = md.getJMSXPropertyNames(); e.hasMoreElements();) {
            names.add((String) e.nextElement());
        }
        assertThat(names).contains("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq");
    }

    @Test
    void closeIsIdempotentAndEverythingOfAClosedConnectionFails() throws Exception {
        Connection c = connection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("closed"));
        MessageProducer p = s.createProducer(q);
        MessageConsumer consumer = s.createConsumer(q);
        QueueBrowser browser = s.createBrowser(q);
        c.close();
        c.close();

        assertThatThrownBy(c::createSession).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(c::start).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(c::stop).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(c::getClientID).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> c.setClientID("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(c::getMetaData).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(c::getExceptionListener).isInstanceOf(IllegalStateException.class);

        assertThatThrownBy(s::createTextMessage).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> s.createQueue("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> s.createConsumer(q)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s::getTransacted).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.send(new ForeignTextMessage("x"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(p::getDeliveryMode).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(consumer::receiveNoWait).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(consumer::getMessageSelector).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(browser::getEnumeration).isInstanceOf(IllegalStateException.class);
        // closing what is already closed is allowed
        p.close();
        consumer.close();
        s.close();
        browser.close();
    }

    @Test
    void everythingOfAClosedSessionProducerOrConsumerFails() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("closed-parts"));

        MessageProducer p = s.createProducer(q);
        p.close();
        p.close();
        assertThatThrownBy(() -> p.send(s.createTextMessage("x"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.setPriority(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(p::getDestination).isInstanceOf(IllegalStateException.class);

        MessageConsumer consumer = s.createConsumer(q);
        consumer.close();
        consumer.close();
        assertThatThrownBy(consumer::receive).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> consumer.receive(10)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> consumer.setMessageListener(m -> {
        })).isInstanceOf(IllegalStateException.class);

        MessageProducer open = s.createProducer(q);
        s.close();
        s.close();
        assertThatThrownBy(() -> open.send(new ForeignTextMessage("x"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s::createMessage).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> s.createProducer(q)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s::recover).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s::commit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> s.unsubscribe("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s::getAcknowledgeMode).isInstanceOf(IllegalStateException.class);

        // the connection is unaffected
        sendTexts(c.createSession(), q, "still fine");
    }

    @Test
    void acknowledgeAfterTheSessionClosedFails() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue(unique("ack-closed"));
        sendTexts(s, q, "m");
        jakarta.jms.Message m = receive(s.createConsumer(q));
        s.close();
        assertThatThrownBy(m::acknowledge).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sessionsOfEveryMode() throws Exception {
        Connection c = connection();
        assertThat(c.createSession().getAcknowledgeMode()).isEqualTo(Session.AUTO_ACKNOWLEDGE);
        assertThat(c.createSession(Session.CLIENT_ACKNOWLEDGE).getAcknowledgeMode())
                .isEqualTo(Session.CLIENT_ACKNOWLEDGE);
        assertThat(c.createSession(Session.DUPS_OK_ACKNOWLEDGE).getAcknowledgeMode())
                .isEqualTo(Session.DUPS_OK_ACKNOWLEDGE);
        assertThat(c.createSession(Session.SESSION_TRANSACTED).getTransacted()).isTrue();
        assertThat(c.createSession(false, Session.AUTO_ACKNOWLEDGE).getTransacted()).isFalse();
        // with transacted = true the acknowledge mode is ignored
        assertThat(c.createSession(true, Session.CLIENT_ACKNOWLEDGE).getAcknowledgeMode())
                .isEqualTo(Session.SESSION_TRANSACTED);
        assertThatThrownBy(() -> c.createSession(false, 99)).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> c.createSession(99)).isInstanceOf(JMSException.class);

        QueueSession qs = ((QueueConnection) c).createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
        TopicSession ts = ((TopicConnection) c).createTopicSession(true, Session.AUTO_ACKNOWLEDGE);
        assertThat(qs.getTransacted()).isFalse();
        assertThat(ts.getTransacted()).isTrue();
        QueueConnection qc = track(factory.createQueueConnection());
        TopicConnection tc = track(factory.createTopicConnection());
        assertThat(qc.createQueueSession(false, Session.AUTO_ACKNOWLEDGE)).isNotNull();
        assertThat(tc.createTopicSession(false, Session.AUTO_ACKNOWLEDGE)).isNotNull();
    }

    @Test
    void aQueueSessionRefusesPublishSubscribeOperations() throws Exception {
        Connection c = connection(factoryWithClientId("queue-session"));
        Session general = c.createSession();
        jakarta.jms.Topic t = general.createTopic(unique("t"));
        QueueSession qs = ((QueueConnection) c).createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
        List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> refused = List.of(
                () -> qs.createTopic("t"),
                qs::createTemporaryTopic,
                () -> qs.createDurableSubscriber(t, "d"),
                () -> qs.createDurableSubscriber(t, "d", null, false),
                () -> qs.createDurableConsumer(t, "d"),
                () -> qs.createDurableConsumer(t, "d", null, false),
                () -> qs.createSharedConsumer(t, "s"),
                () -> qs.createSharedConsumer(t, "s", null),
                () -> qs.createSharedDurableConsumer(t, "s"),
                () -> qs.createSharedDurableConsumer(t, "s", null),
                () -> qs.unsubscribe("d"));
        for (var call : refused) {
            assertThatThrownBy(call).isInstanceOf(IllegalStateException.class);
        }
        // its own domain works
        Queue q = qs.createQueue(unique("queue-session"));
        qs.createTemporaryQueue();
        qs.createBrowser(q).close();
        qs.createSender(q).send(qs.createTextMessage("x"));
        c.start();
        assertThat(qs.createReceiver(q).receive(RECEIVE_TIMEOUT)).isNotNull();
    }

    @Test
    void aTopicSessionRefusesPointToPointOperations() throws Exception {
        Connection c = connection();
        Queue q = c.createSession().createQueue(unique("q"));
        TopicSession ts = ((TopicConnection) c).createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(() -> ts.createQueue("q")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(ts::createTemporaryQueue).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ts.createBrowser(q)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ts.createBrowser(q, "a = 1")).isInstanceOf(IllegalStateException.class);
        jakarta.jms.Topic t = ts.createTopic(unique("topic-session"));
        ts.createTemporaryTopic();
        jakarta.jms.TopicSubscriber sub = ts.createSubscriber(t);
        ts.createPublisher(t).publish(ts.createTextMessage("x"));
        c.start();
        assertThat(sub.receive(RECEIVE_TIMEOUT)).isNotNull();
    }

    @Test
    void invalidDestinationNamesAreRejected() throws Exception {
        Connection c = connection();
        Session s = c.createSession();
        assertThatThrownBy(() -> s.createQueue("")).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createQueue(null)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createTopic("")).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createTopic(null)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createTopic("exchange:")).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createTopic("exchange:/key")).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createTopic("exchange:x?novalue"))
                .isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createTopic("exchange:x?k='unterminated"))
                .isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createTopic("exchange:x?=v")).isInstanceOf(InvalidDestinationException.class);

        jakarta.jms.Topic unknown = s.createTopic("exchange:no-such-exchange/key");
        assertThatThrownBy(() -> s.createProducer(unknown)).isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("no-such-exchange");
        assertThatThrownBy(() -> s.createConsumer(unknown)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createProducer(null).send(unknown, s.createMessage()))
                .isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createConsumer(null)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createProducer(null).send(null, s.createMessage()))
                .isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createSharedConsumer(unknown, "s")).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createSharedDurableConsumer(unknown, "s"))
                .isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createBrowser(null)).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void aQueueNameTheBrokerRefusesIsAnInvalidDestination() throws Exception {
        Session s = connection().createSession();
        Queue reserved = s.createQueue("amq.reserved-by-broker");
        assertThatThrownBy(() -> s.createConsumer(reserved)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createProducer(reserved)).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void sendingToAQueueDeletedOnTheBrokerDeclaresItAgainInsteadOfDroppingTheMessage() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("vanishing"));
        MessageProducer p = s.createProducer(q);
        virtualHost().queueDelete(null, q.getQueueName(), false, false);
        p.send(s.createTextMessage("kept"));
        assertThat(receiveText(s.createConsumer(q))).isEqualTo("kept");
    }

    @Test
    void producerDestinationRules() throws Exception {
        Session s = connection().createSession();
        Queue q = s.createQueue(unique("producer-rules"));
        MessageProducer bound = s.createProducer(q);
        assertThat(bound.getDestination()).isEqualTo(q);
        assertThatThrownBy(() -> bound.send(q, s.createMessage())).isInstanceOf(UnsupportedOperationException.class);
        MessageProducer anonymous = s.createProducer(null);
        assertThat(anonymous.getDestination()).isNull();
        assertThatThrownBy(() -> anonymous.send(s.createMessage())).isInstanceOf(UnsupportedOperationException.class);
        anonymous.send(q, s.createMessage());
        assertThatThrownBy(() -> bound.send(null)).isInstanceOf(jakarta.jms.MessageFormatException.class);
    }

    @Test
    void aMalformedUrlIsRejectedClearly() {
        assertThatThrownBy(() -> new WarrenConnectionFactory("tcp://host")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vm://");
        assertThatThrownBy(() -> new WarrenConnectionFactory(url + "?nope=1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }
}
