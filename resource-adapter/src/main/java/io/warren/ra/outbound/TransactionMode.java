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
 * <p>As Jakarta Messaging §12.3 says for the web and EJB containers, the transacted flag of {@code createSession}
 * is ignored: inside a transaction the session's work is part of it, and outside one it is non-transacted and
 * acknowledges as asked, AUTO_ACKNOWLEDGE or DUPS_OK_ACKNOWLEDGE (anything else counts as AUTO_ACKNOWLEDGE); the
 * application never commits or rolls back itself. Outside a transaction an AUTO_ACKNOWLEDGE session works on the
 * XA session, which acknowledges automatically until its resource is enlisted, so a session, producer or consumer
 * made before {@code UserTransaction.begin()} joins the transaction begun after it.
 */
enum TransactionMode {
    /** No transaction: a non-transacted session, acknowledging as asked. */
    NONE {
        @Override
        Session physicalSession(WarrenManagedConnection mc, int acknowledgeMode) throws JMSException {
            return acknowledgeMode == Session.DUPS_OK_ACKNOWLEDGE ? mc.dupsOkSession() : mc.xaSession().getSession();
        }

        @Override
        JMSException commitOrRollbackRefused(String operation) {
            return new IllegalStateException("Session." + operation + " is not allowed: outside a transaction a"
                    + " container-managed session is non-transacted; send inside a JTA transaction to group work",
                    "ENOTTRANSACTED");
        }
    },
    /** A local transaction begun by the container: a transacted session the container commits. */
    LOCAL {
        @Override
        Session physicalSession(WarrenManagedConnection mc, int acknowledgeMode) throws JMSException {
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
        Session physicalSession(WarrenManagedConnection mc, int acknowledgeMode) throws JMSException {
            return mc.xaSession().getSession();
        }

        @Override
        JMSException commitOrRollbackRefused(String operation) {
            return new TransactionInProgressException("Session." + operation + " is not allowed inside a JTA"
                    + " transaction: the transaction manager commits or rolls back the session's work"
                    + " (use setRollbackOnly to roll back)", "ETXINPROGRESS");
        }
    };

    /**
     * The managed connection's session for this mode, created on first use.
     *
     * @param acknowledgeMode what the application asked for, as returned by {@link #requested}
     */
    abstract Session physicalSession(WarrenManagedConnection mc, int acknowledgeMode) throws JMSException;

    /** The exception {@code Session.commit()} or {@code rollback()} throws in this mode. */
    abstract JMSException commitOrRollbackRefused(String operation);

    /** What {@code Session.getTransacted()} reports. */
    boolean transacted() {
        return this != NONE;
    }

    /** What {@code Session.getAcknowledgeMode()} reports for a session asked to acknowledge as given. */
    int acknowledgeMode(int requested) {
        return this == NONE ? requested : Session.SESSION_TRANSACTED;
    }

    /**
     * The acknowledge mode a session asked for with {@code sessionMode} gets outside a transaction:
     * DUPS_OK_ACKNOWLEDGE if asked, AUTO_ACKNOWLEDGE otherwise (§12.3 forbids CLIENT_ACKNOWLEDGE there, and
     * SESSION_TRANSACTED is ignored).
     *
     * @throws JMSException when {@code sessionMode} is none of the four session modes
     */
    static int requested(int sessionMode) throws JMSException {
        return switch (sessionMode) {
            case Session.DUPS_OK_ACKNOWLEDGE -> Session.DUPS_OK_ACKNOWLEDGE;
            case Session.AUTO_ACKNOWLEDGE, Session.CLIENT_ACKNOWLEDGE, Session.SESSION_TRANSACTED ->
                    Session.AUTO_ACKNOWLEDGE;
            default -> throw new JMSException("invalid session mode " + sessionMode + ": use AUTO_ACKNOWLEDGE (1) or"
                    + " DUPS_OK_ACKNOWLEDGE (3); in a transaction the mode is ignored", "EINVALIDMODE");
        };
    }
}
