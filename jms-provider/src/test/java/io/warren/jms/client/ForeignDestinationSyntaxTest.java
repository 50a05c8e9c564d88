package io.warren.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

/**
 * Sessions and contexts take destination names written for ActiveMQ, Artemis or Qpid either with the same meaning
 * or not at all: {@code news.>} subscribes like {@code news.#}; prefixes, FQQNs and composites fail.
 */
class ForeignDestinationSyntaxTest extends JmsTestSupport {

    @Test
    void aSubscriberToNewsGreaterThanReceivesWhatNewsHashWouldIncludingNewsItself() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic wildcard = session.createTopic("news.>");
        MessageConsumer consumer = session.createConsumer(wildcard);

        sendTexts(session, session.createTopic("news"), "news");
        sendTexts(session, session.createTopic("news.eu.fr"), "news.eu.fr");
        sendTexts(session, session.createTopic("sport.eu"), "sport.eu");

        assertThat(receiveTexts(consumer, 2)).containsExactly("news", "news.eu.fr");
        assertNoMessage(consumer);
        assertThat(wildcard.getTopicName()).isEqualTo("news.#");
        assertThat(wildcard).isEqualTo(session.createTopic("news.#"));
    }

    @Test
    void aSessionRefusesForeignQueueAndTopicSyntaxNamingTheWarrenForm() throws Exception {
        Session session = connection().createSession(false, Session.AUTO_ACKNOWLEDGE);

        assertThatThrownBy(() -> session.createQueue("queue://orders"))
                .isInstanceOf(InvalidDestinationException.class).hasMessageContaining("use 'orders'");
        assertThatThrownBy(() -> session.createQueue("orders::orders.eu"))
                .isInstanceOf(InvalidDestinationException.class).hasMessageContaining("createQueue(\"orders.eu\")");
        assertThatThrownBy(() -> session.createQueue("a,b"))
                .isInstanceOf(InvalidDestinationException.class).hasMessageContaining("composite");
        assertThatThrownBy(() -> session.createTopic("topic://news"))
                .isInstanceOf(InvalidDestinationException.class).hasMessageContaining("use 'news'");
        assertThatThrownBy(() -> session.createTopic("news.eu,news.us"))
                .isInstanceOf(InvalidDestinationException.class).hasMessageContaining("composite");
    }

    @Test
    void aContextRefusesForeignSyntaxWithTheRuntimeExceptionAndMapsTheTrailingWildcard() {
        JMSContext ctx = context();

        assertThatThrownBy(() -> ctx.createQueue("queue://orders"))
                .isInstanceOf(InvalidDestinationRuntimeException.class).hasMessageContaining("use 'orders'");
        assertThatThrownBy(() -> ctx.createTopic("news::sub"))
                .isInstanceOf(InvalidDestinationRuntimeException.class).hasMessageContaining("createQueue(\"sub\")");
        JMSConsumer consumer = ctx.createConsumer(ctx.createTopic("orders.>"));
        ctx.createProducer().send(ctx.createTopic("orders.eu"), "eu");
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("eu");
    }

    @Test
    void anotherProvidersDestinationObjectIsCheckedLikeAName() throws Exception {
        Session session = connection().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue composite = () -> "a,b";
        Topic wildcard = () -> "news.>";

        assertThatThrownBy(() -> session.createProducer(composite).send(session.createTextMessage("x")))
                .isInstanceOf(InvalidDestinationException.class).hasMessageContaining("composite");
        assertThat(session.createConsumer(wildcard)).isNotNull();
    }
}
