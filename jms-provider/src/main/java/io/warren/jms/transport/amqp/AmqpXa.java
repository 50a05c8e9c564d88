package io.warren.jms.transport.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import io.warren.jms.transport.BranchXid;
import io.warren.jms.transport.BrokerFeatures;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * XA calls over one AMQP channel, in the Warren server's extension: each is a passive {@code queue.declare} of
 * {@value #QUEUE} whose {@code x-xa-*} arguments name the operation and the branch, answered by a
 * {@code queue.declare-ok} whose {@code message-count} is the XA return code and whose {@code queue} is
 * {@code "ok"} or the broker's reason; a refusal leaves the channel open. Start and end go on the session's
 * channel, whose work they associate with the branch.
 *
 * <p>Every failure is an {@link XAException} with the XA error code: the broker's, {@code XAER_RMFAIL} when the
 * connection is gone, {@code XAER_RMERR} from a broker without the {@code xa} capability (RabbitMQ), which is
 * never sent a request. Calls block for one round trip (recover: one per branch in doubt); amqp-client lets one
 * call at a time use the channel.
 */
final class AmqpXa {
    static final String QUEUE = "amq.warren.xa";
    private static final String OPERATION = "x-xa-op";
    private static final String FORMAT_ID = "x-xa-format-id";
    private static final String GLOBAL_ID = "x-xa-gtrid";
    private static final String BRANCH_QUALIFIER = "x-xa-bqual";
    private static final String FLAGS = "x-xa-flags";
    private static final String TIMEOUT = "x-xa-timeout";
    private static final String INDEX = "x-xa-index";

    private final Channel channel;
    private final BrokerFeatures features;
    /** Held through a recover scan, whose pages the broker serves from one snapshot per channel. */
    private final Object recoverScan = new Object();

    AmqpXa(Channel channel, BrokerFeatures features) {
        this.channel = channel;
        this.features = features;
    }

    void start(Xid xid, int flags, int timeoutSeconds) throws XAException {
        Map<String, Object> args = request("start", xid);
        args.put(FLAGS, flags);
        args.put(TIMEOUT, timeoutSeconds);
        call("start", args);
    }

    void end(Xid xid, int flags) throws XAException {
        Map<String, Object> args = request("end", xid);
        args.put(FLAGS, flags);
        call("end", args);
    }

    /** {@code XA_OK}, or {@code XA_RDONLY} when the branch did nothing. */
    int prepare(Xid xid) throws XAException {
        return call("prepare", request("prepare", xid));
    }

    void commit(Xid xid, boolean onePhase) throws XAException {
        Map<String, Object> args = request("commit", xid);
        args.put(FLAGS, onePhase ? 1 : 0);
        call("commit", args);
    }

    void rollback(Xid xid) throws XAException {
        call("rollback", request("rollback", xid));
    }

    void forget(Xid xid) throws XAException {
        call("forget", request("forget", xid));
    }

    /** The branches in doubt, paged one a round trip from the snapshot the broker takes at index 0. */
    List<Xid> recover() throws XAException {
        requireSupport();
        Set<Xid> found = new LinkedHashSet<>();
        synchronized (recoverScan) {
            int count = 1;
            for (int i = 0; i < count; i++) {
                AMQP.Queue.DeclareOk page = rpc("recover", Map.of(OPERATION, "recover", INDEX, i));
                count = page.getMessageCount();
                if (count < 0) {
                    throw error(count, page.getQueue());
                }
                if (i < count) {
                    found.add(decode(page.getQueue()));
                }
            }
        }
        return new ArrayList<>(found);
    }

    private Map<String, Object> request(String operation, Xid xid) throws XAException {
        if (xid == null) {
            throw error(XAException.XAER_INVAL, "XA " + operation + " needs an Xid, got null");
        }
        Map<String, Object> args = new HashMap<>();
        args.put(OPERATION, operation);
        args.put(FORMAT_ID, xid.getFormatId());
        args.put(GLOBAL_ID, xid.getGlobalTransactionId());
        args.put(BRANCH_QUALIFIER, xid.getBranchQualifier());
        return args;
    }

    private int call(String operation, Map<String, Object> args) throws XAException {
        requireSupport();
        AMQP.Queue.DeclareOk reply = rpc(operation, args);
        int code = reply.getMessageCount();
        if (code != XAResource.XA_OK && code != XAResource.XA_RDONLY) {
            throw error(code, reply.getQueue());
        }
        return code;
    }

    private void requireSupport() throws XAException {
        if (!features.xa()) {
            throw error(XAException.XAER_RMERR, features.name() + " does not support XA transactions: two-phase"
                    + " commit and recovery need a Warren server (one that announces the 'xa' capability)");
        }
    }

    private AMQP.Queue.DeclareOk rpc(String operation, Map<String, Object> args) throws XAException {
        try {
            return (AMQP.Queue.DeclareOk) channel.rpc(new AMQP.Queue.Declare.Builder().queue(QUEUE).passive(true)
                    .arguments(args).build()).getMethod();
        } catch (IOException | RuntimeException e) {
            ShutdownSignalException shutdown = AmqpErrors.shutdownOf(e);
            // The broker closing only the channel refused the request; anything else means it is out of reach.
            boolean refused = shutdown != null && !shutdown.isHardError() && !shutdown.isInitiatedByApplication();
            XAException x = error(refused ? XAException.XAER_RMERR : XAException.XAER_RMFAIL, "XA " + operation
                    + " on " + features.name() + " failed: " + AmqpErrors.describe(e));
            x.initCause(e);
            throw x;
        }
    }

    /** A branch id as recover sends it: Base64 of format id, global id and branch qualifier with lengths. */
    static Xid decode(String base64) throws XAException {
        try {
            ByteBuffer buf = ByteBuffer.wrap(Base64.getDecoder().decode(base64));
            int formatId = buf.getInt();
            byte[] globalId = new byte[buf.get() & 0xFF];
            buf.get(globalId);
            byte[] branchQualifier = new byte[buf.get() & 0xFF];
            buf.get(branchQualifier);
            return new BranchXid(formatId, globalId, branchQualifier);
        } catch (IllegalArgumentException | BufferUnderflowException e) {
            XAException x = error(XAException.XAER_RMERR, "the broker sent a malformed branch id in recover: '"
                    + base64 + "'");
            x.initCause(e);
            throw x;
        }
    }

    private static XAException error(int code, String message) {
        XAException e = new XAException(message);
        e.errorCode = code;
        return e;
    }
}
