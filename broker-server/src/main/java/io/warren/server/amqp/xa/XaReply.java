package io.warren.server.amqp.xa;

import io.warren.broker.BrokerException;
import io.warren.broker.tx.BranchException;
import io.warren.broker.tx.TransactionId;
import io.warren.server.amqp.codec.AmqpStrings;
import io.warren.server.amqp.method.QueueDeclareOk;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionException;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;

/**
 * The answer to an XA request, as the {@code queue.declare-ok} that carries it: {@code message-count} is the XA
 * return code as 32 bits ({@code XA_OK}, {@code XA_RDONLY}, or the {@code XAException} error code), {@code queue}
 * is {@code "ok"} or what went wrong. For recover, {@code message-count} is the number of branches in doubt and
 * {@code queue} the requested one's id (Base64 of format id as 4 bytes big-endian, global id length byte, global
 * id, branch qualifier length byte, branch qualifier), or {@code ""} past the last.
 *
 * @param queue        the {@code queue} field
 * @param messageCount the {@code message-count} field as a signed 32-bit value
 */
public record XaReply(String queue, int messageCount) {
    private static final String OK = "ok";

    /** {@code XA_OK}. */
    public static XaReply ok() {
        return new XaReply(OK, XAResource.XA_OK);
    }

    /** {@code XA_RDONLY}: the prepared branch did nothing and is already forgotten. */
    public static XaReply readOnly() {
        return new XaReply(OK, XAResource.XA_RDONLY);
    }

    /** The failure of an operation: an engine branch error keeps its XA code, anything else is {@code XAER_RMERR}. */
    public static XaReply failed(Throwable failure) {
        Throwable cause = cause(failure);
        if (cause instanceof BranchException b) {
            return failed(b.xaError().xaCode(), b.getMessage());
        }
        if (cause instanceof BrokerException b) {
            return failed(XAException.XAER_RMERR, b.getMessage());
        }
        return failed(XAException.XAER_RMERR, "internal error: " + cause);
    }

    /** What failed, unwrapped from the {@link CompletionException} a dependent future adds. */
    public static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static XaReply failed(int xaCode, String message) {
        return new XaReply(AmqpStrings.truncateToShortstr(message == null ? "failed" : message), xaCode);
    }

    /** Page {@code index} of a recover scan over {@code inDoubt}: that branch's id, or {@code ""} past the end. */
    public static XaReply inDoubt(List<TransactionId> inDoubt, int index) {
        String xid = index < inDoubt.size() ? encode(inDoubt.get(index)) : "";
        return new XaReply(xid, inDoubt.size());
    }

    /** The branch id as recover sends it; at most 180 characters for parts of 64 bytes, so it fits a shortstr. */
    static String encode(TransactionId id) {
        byte[] globalId = id.globalId();
        byte[] branchQualifier = id.branchQualifier();
        ByteBuffer buf = ByteBuffer.allocate(4 + 1 + globalId.length + 1 + branchQualifier.length);
        buf.putInt(id.formatId()).put((byte) globalId.length).put(globalId)
                .put((byte) branchQualifier.length).put(branchQualifier);
        return Base64.getEncoder().encodeToString(buf.array());
    }

    /** The {@code queue.declare-ok} carrying this reply; {@code consumer-count} is 0. */
    public QueueDeclareOk toMethod() {
        return new QueueDeclareOk(queue, Integer.toUnsignedLong(messageCount), 0);
    }
}
