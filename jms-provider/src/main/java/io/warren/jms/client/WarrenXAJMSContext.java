package io.warren.jms.client;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.XAJMSContext;
import javax.transaction.xa.XAResource;

/**
 * A {@link JMSContext} over an XA session: its transactions are run by a transaction manager through
 * {@link #getXAResource()}; {@code commit} and {@code rollback} are refused, {@code getTransacted} is true.
 */
public class WarrenXAJMSContext extends WarrenJMSContext implements XAJMSContext {

    public WarrenXAJMSContext(WarrenXAConnection connection) {
        super(connection, JMSContext.SESSION_TRANSACTED, true);
    }

    @Override
    WarrenSession openSession(WarrenConnection connection, int sessionMode) throws JMSException {
        return (WarrenSession) ((WarrenXAConnection) connection).createXASession();
    }

    @Override
    public JMSContext getContext() {
        session();
        return this;
    }

    @Override
    public XAResource getXAResource() {
        return ((WarrenXASession) session()).getXAResource();
    }
}
