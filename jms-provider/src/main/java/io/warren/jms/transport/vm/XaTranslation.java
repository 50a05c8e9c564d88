package io.warren.jms.transport.vm;

import io.warren.broker.BrokerException;
import io.warren.broker.tx.BranchException;
import io.warren.broker.tx.EndMode;
import io.warren.broker.tx.StartMode;
import io.warren.broker.tx.TransactionId;
import io.warren.jms.transport.BranchXid;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/** Translates between XA's terms ({@link Xid}, flags, {@link XAException}) and the engine's branch API. */
final class XaTranslation {
    private XaTranslation() {
    }

    static TransactionId id(Xid xid) throws XAException {
        if (xid == null) {
            throw error(XAException.XAER_INVAL, "the Xid is null");
        }
        try {
            return new TransactionId(xid.getFormatId(), xid.getGlobalTransactionId(), xid.getBranchQualifier());
        } catch (IllegalArgumentException e) {
            throw error(XAException.XAER_INVAL, e.getMessage());
        }
    }

    static Xid xid(TransactionId id) {
        return new BranchXid(id.formatId(), id.globalId(), id.branchQualifier());
    }

    static StartMode startMode(int flags) throws XAException {
        return switch (flags) {
            case XAResource.TMNOFLAGS -> StartMode.NEW;
            case XAResource.TMJOIN -> StartMode.JOIN;
            case XAResource.TMRESUME -> StartMode.RESUME;
            default -> throw error(XAException.XAER_INVAL, "start takes TMNOFLAGS, TMJOIN or TMRESUME, not flags 0x"
                    + Integer.toHexString(flags));
        };
    }

    static EndMode endMode(int flags) throws XAException {
        return switch (flags) {
            case XAResource.TMSUCCESS -> EndMode.SUCCESS;
            case XAResource.TMSUSPEND -> EndMode.SUSPEND;
            case XAResource.TMFAIL -> EndMode.FAIL;
            default -> throw error(XAException.XAER_INVAL, "end takes TMSUCCESS, TMSUSPEND or TMFAIL, not flags 0x"
                    + Integer.toHexString(flags));
        };
    }

    /** Waits for an engine future, translating its failure. */
    static <T> T await(CompletableFuture<T> future) throws XAException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw withCause(error(XAException.XAER_RMFAIL, "interrupted while waiting for the broker"), e);
        }
    }

    static XAException translate(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof BranchException b) {
            return withCause(error(b.xaError().xaCode(), b.getMessage()), b);
        }
        if (t instanceof BrokerException b) {
            return withCause(error(XAException.XAER_RMERR, b.getMessage()), b);
        }
        return withCause(error(XAException.XAER_RMERR, String.valueOf(t)), t);
    }

    static XAException error(int code, String message) {
        XAException e = new XAException(message);
        e.errorCode = code;
        return e;
    }

    private static XAException withCause(XAException e, Throwable cause) {
        e.initCause(cause);
        return e;
    }
}
