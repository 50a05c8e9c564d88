package io.warren.ra.outbound;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.junit.WarrenExtension;
import io.warren.ra.WarrenResourceAdapter;
import io.warren.ra.testing.PoolingConnectionManager;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The calls Jakarta Messaging §12.2 forbids in the web and EJB containers throw, with a message that says why. */
class ContainerRestrictionsTest {
    @RegisterExtension
    final WarrenExtension broker = WarrenExtension.builder().build();
    private PoolingConnectionManager pool;
    private ConnectionFactory cf;
    private Connection connection;
    private Session session;

    @BeforeEach
    void setUp() throws Exception {
        WarrenResourceAdapter ra = new WarrenResourceAdapter();
        ra.setConnectionUrl(broker.url());
        WarrenManagedConnectionFactory mcf = new WarrenManagedConnectionFactory();
        mcf.setResourceAdapter(ra);
        pool = new PoolingConnectionManager();
        cf = (ConnectionFactory) mcf.createConnectionFactory(pool);
        connection = cf.createConnection();
        session = connection.createSession();
    }

    @AfterEach
    void tearDown() throws Exception {
        connection.close();
        pool.destroyAll();
    }

    @Test
    void connectionRefusesSetClientIdSetExceptionListenerStopAndConnectionConsumers() {
        assertThatThrownBy(() -> connection.setClientID("id")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Connection.setClientID must not be used in a Jakarta EE web or EJB container");
        assertThatThrownBy(() -> connection.setExceptionListener(e -> { }))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(connection::stop).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> connection.createConnectionConsumer(session.createQueue("q"), null, null, 1))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sessionAndConsumerRefuseMessageListeners() throws Exception {
        assertThatThrownBy(() -> session.setMessageListener(m -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("message-driven bean");
        assertThatThrownBy(session::getMessageListener).isInstanceOf(IllegalStateException.class);
        MessageConsumer consumer = session.createConsumer(session.createQueue("q"));
        assertThatThrownBy(() -> consumer.setMessageListener(m -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void producerRefusesAsynchronousSends() throws Exception {
        MessageProducer producer = session.createProducer(session.createQueue("q"));
        CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
            }

            @Override
            public void onException(Message message, Exception exception) {
            }
        };
        assertThatThrownBy(() -> producer.send(session.createTextMessage("x"), listener))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("send synchronously");
    }

    @Test
    void jmsContextRefusesTheSameCallsWithUncheckedExceptions() {
        try (JMSContext ctx = cf.createContext()) {
            assertThatThrownBy(() -> ctx.setClientID("id")).isInstanceOf(IllegalStateRuntimeException.class);
            assertThatThrownBy(() -> ctx.setExceptionListener(e -> { }))
                    .isInstanceOf(IllegalStateRuntimeException.class);
            assertThatThrownBy(ctx::stop).isInstanceOf(IllegalStateRuntimeException.class);
            assertThatThrownBy(() -> ctx.createContext(JMSContext.AUTO_ACKNOWLEDGE))
                    .isInstanceOf(IllegalStateRuntimeException.class);
            assertThatThrownBy(() -> ctx.createProducer().setAsync(new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                }

                @Override
                public void onException(Message message, Exception exception) {
                }
            })).isInstanceOf(IllegalStateRuntimeException.class);
            assertThatThrownBy(() -> ctx.createConsumer(ctx.createQueue("q")).setMessageListener(m -> { }))
                    .isInstanceOf(IllegalStateRuntimeException.class);
        }
    }

    @Test
    void aClosedHandleRefusesWork() throws Exception {
        connection.close();
        assertThatThrownBy(connection::createSession).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.createQueue("q")).isInstanceOf(IllegalStateException.class);
    }
}
