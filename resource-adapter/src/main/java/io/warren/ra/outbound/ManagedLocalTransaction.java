package io.warren.ra.outbound;

import jakarta.jms.JMSException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;

/**
 * A resource-manager local transaction on a managed connection, for containers (or pools configured with
 * {@code LocalTransaction} support) that do not use XA: between {@code begin} and {@code commit}/{@code rollback}
 * the application's sessions work on a transacted session. Called by the container, one transaction at a time.
 */
final class ManagedLocalTransaction implements LocalTransaction {
    private final WarrenManagedConnection mc;

    ManagedLocalTransaction(WarrenManagedConnection mc) {
        this.mc = mc;
    }

    @Override
    public void begin() throws ResourceException {
        if (mc.mode() != TransactionMode.NONE) {
            throw new LocalTransactionException("cannot begin a local transaction: the connection is already in a "
                    + mc.mode() + " transaction");
        }
        try {
            mc.transactedSession();
        } catch (JMSException e) {
            throw failure("begin", e);
        }
        mc.enterMode(TransactionMode.LOCAL);
    }

    @Override
    public void commit() throws ResourceException {
        finish("commit");
    }

    @Override
    public void rollback() throws ResourceException {
        finish("rollback");
    }

    private void finish(String operation) throws ResourceException {
        if (mc.mode() != TransactionMode.LOCAL) {
            throw new LocalTransactionException("cannot " + operation + ": no local transaction is active");
        }
        try {
            if (operation.equals("commit")) {
                mc.transactedSession().commit();
            } else {
                mc.transactedSession().rollback();
            }
        } catch (JMSException e) {
            throw failure(operation, e);
        } finally {
            mc.leaveMode(TransactionMode.LOCAL);
        }
    }

    private LocalTransactionException failure(String operation, JMSException e) {
        LocalTransactionException failure = new LocalTransactionException("local transaction " + operation
                + " failed: " + e.getMessage(), e.getErrorCode());
        failure.initCause(e);
        return failure;
    }
}
