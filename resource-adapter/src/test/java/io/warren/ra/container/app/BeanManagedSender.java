package io.warren.ra.container.app;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.transaction.UserTransaction;

/**
 * A bean that runs its own transactions: it makes its session and producer before {@code UserTransaction.begin()}
 * and sends through them inside, as the TCK's bean-managed message-driven bean does; it also opens several
 * connections of a pool with a client ID at once and asks for DUPS_OK_ACKNOWLEDGE outside a transaction.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class BeanManagedSender {
    @Resource(lookup = "jms/warrenCF")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/warrenIdCF")
    private ConnectionFactory clientIdFactory;

    @Resource
    private UserTransaction transaction;

    /**
     * Sends {@code text + "-rolled-back"} in a transaction it rolls back and {@code text} in one it commits, through
     * a session made before either began; returns the session's transacted flag before, in and after them.
     */
    public String sendThroughASessionMadeBeforeBegin(String text) throws Exception {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("orders"));
            StringBuilder flags = new StringBuilder("before=" + session.getTransacted());
            transaction.begin();
            flags.append(",in=").append(session.getTransacted());
            producer.send(session.createTextMessage(text + "-rolled-back"));
            transaction.rollback();
            transaction.begin();
            producer.send(session.createTextMessage(text));
            transaction.commit();
            return flags.append(",after=").append(session.getTransacted()).toString();
        }
    }

    /** The client IDs of three connections of the client-ID pool, open at once. */
    public String clientIdsOfConnectionsOpenAtOnce() throws Exception {
        try (Connection a = clientIdFactory.createConnection(); Connection b = clientIdFactory.createConnection();
             Connection c = clientIdFactory.createConnection()) {
            return a.getClientID() + "," + b.getClientID() + "," + c.getClientID();
        }
    }

    /** The session mode of a context asked for DUPS_OK_ACKNOWLEDGE, outside any transaction. */
    public int dupsOkSessionModeOutsideATransaction() {
        try (JMSContext context = connectionFactory.createContext(JMSContext.DUPS_OK_ACKNOWLEDGE)) {
            return context.getSessionMode();
        }
    }
}
