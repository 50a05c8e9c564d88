package io.warren.ra.container.app;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/**
 * Sends to queue {@code orders} through the adapter's pooled connection factory, in container-managed
 * transactions (REQUIRED): committed sends arrive, a send whose transaction is marked rollback-only never does.
 * The simplified API sends to the administered queue {@code jms/orders}.
 */
@Stateless
public class OrderSender {
    @Resource(lookup = "jms/warrenCF")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/orders")
    private Queue orders;

    @Resource
    private SessionContext context;

    public void send(String text) throws JMSException {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            session.createProducer(session.createQueue("orders")).send(session.createTextMessage(text));
        }
    }

    public void sendTo(String queue, String text) throws JMSException {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession();
            session.createProducer(session.createQueue(queue)).send(session.createTextMessage(text));
        }
    }

    public void sendWithContext(String text) {
        try (JMSContext jms = connectionFactory.createContext()) {
            jms.createProducer().send(orders, text);
        }
    }

    public void sendThenRollBack(String text) throws JMSException {
        send(text);
        context.setRollbackOnly();
    }

    /** What the calls the specification forbids in a transaction throw, as {@code call=ExceptionClass} lines. */
    public String forbiddenCalls() throws JMSException {
        StringBuilder out = new StringBuilder();
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession();
            out.append("transacted=").append(session.getTransacted()).append('\n');
            out.append("commit=").append(thrown(session::commit)).append('\n');
            out.append("setClientID=").append(thrown(() -> connection.setClientID("x"))).append('\n');
            out.append("setExceptionListener=").append(thrown(() -> connection.setExceptionListener(e -> { })))
                    .append('\n');
            out.append("stop=").append(thrown(connection::stop)).append('\n');
            out.append("setMessageListener=").append(thrown(() -> session.createConsumer(session.createQueue(
                    "forbidden")).setMessageListener(m -> { }))).append('\n');
        }
        return out.toString();
    }

    private interface JmsCall {
        void run() throws JMSException;
    }

    private static String thrown(JmsCall call) {
        try {
            call.run();
            return "none";
        } catch (JMSException | RuntimeException e) {
            return e.getClass().getName();
        }
    }
}
