package io.warren.ra.outbound;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TransactionInProgressException;

/**
 * The transaction a managed connection is in, which decides the physical session an application's session works
 * on and what that session reports and allows. Picked by the container's calls: {@code XAResource.start/end}
 * switch to and from {@link #XA}, {@code LocalTransaction.begin/commit/rollback} to and from {@link #LOCAL}.
 *
 * <p>As Jakarta Messaging §12.3 says for the web and EJB containers, the arguments of {@code createSession} are
 * ignored: inside a transaction the session's work is part of it, outside one it is non-transacted and
 * auto-acknowledged; the application never commits or rolls back itself.
 */
enum TransactionMode {
    /** No transaction: a non-transacted, auto-acknowledge session. */
    NONE {
        @Override
        Session physicalSession(WarrenManagedConnection mc) throws JMSException {
            return mc.plainSession();
        }

        @Override
        JMSException commitOrRollbackRefused(String operation) {
            return new IllegalStateException("Session." + operation + " is not allowed: outside a transaction a"
                    + " container-managed session is non-transacted (AUTO_ACKNOWLEDGE); send inside a JTA"
                    + " transaction to group work", "ENOTTRANSACTED");
        }
    },
    /** A local transaction begun by the container: a transacted session the container commits. */
    LOCAL {
        @Override
        Session physicalSession(WarrenManagedConnection mc) throws JMSException {
            return mc.transactedSession();
        }

        @Override
        JMSException commitOrRollbackRefused(String operation) {
            return new TransactionInProgressException("Session." + operation + " is not allowed: the container"
                    + " manages this connection's local transaction", "ETXINPROGRESS");
        }
    },
    /** Enlisted in a JTA transaction through the XA resource: the XA session, committed by the transaction manager. */
    XA {
        @Override
        Session physicalSession(WarrenManagedConnection mc) throws JMSException {
            return mc.xaSession().getSession();
        }

        @Override
        JMSException commitOrRollbackRefused(String operation) {
            return new TransactionInProgressException("Session." + operation + " is not allowed inside a JTA"
                    + " transaction: the transaction manager commits or rolls back the session's work"
                    + " (use setRollbackOnly to roll back)", "ETXINPROGRESS");
        }
    };

    /** The managed connection's session for this mode, created on first use. */
    abstract Session physicalSession(WarrenManagedConnection mc) throws JMSException;

    /** The exception {@code Session.commit()} or {@code rollback()} throws in this mode. */
    abstract JMSException commitOrRollbackRefused(String operation);

    /** What {@code Session.getTransacted()} reports. */
    boolean transacted() {
        return this != NONE;
    }

    /** What {@code Session.getAcknowledgeMode()} reports. */
    int acknowledgeMode() {
        return this == NONE ? Session.AUTO_ACKNOWLEDGE : Session.SESSION_TRANSACTED;
    }
}
