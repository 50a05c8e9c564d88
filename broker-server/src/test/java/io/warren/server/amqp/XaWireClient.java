package io.warren.server.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.warren.broker.tx.TransactionId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAResource;

/**
 * Speaks the XA extension with RabbitMQ's unmodified Java client on one channel, as any AMQP client could: a
 * passive {@code queue.declare} of {@code amq.warren.xa} with {@code x-xa-*} arguments, the outcome in the
 * {@code queue.declare-ok}. Written from the README's description, not from the server's classes.
 */
public final class XaWireClient {
    static final int XA_OK = 0;
    static final int XA_RDONLY = 3;
    private static final AtomicInteger IDS = new AtomicInteger();

    /** An XA outcome: the {@code message-count} as a signed code and the {@code queue} text. */
    record Outcome(int code, String text) {
    }

    private final Channel channel;

    XaWireClient(Channel channel) {
        this.channel = channel;
    }

    static TransactionId newXid() {
        int n = IDS.incrementAndGet();
        return new TransactionId(0x57524E, ("gtrid-" + n).getBytes(), ("bqual-" + n).getBytes());
    }

    static Map<String, Object> xidArguments(String op, TransactionId xid) {
        Map<String, Object> args = new HashMap<>();
        args.put("x-xa-op", op);
        args.put("x-xa-format-id", xid.formatId());
        args.put("x-xa-gtrid", xid.globalId());
        args.put("x-xa-bqual", xid.branchQualifier());
        return args;
    }

    Outcome request(Map<String, Object> arguments) throws IOException {
        AMQP.Queue.DeclareOk ok = (AMQP.Queue.DeclareOk) channel.rpc(new AMQP.Queue.Declare.Builder()
                .queue("amq.warren.xa").passive(true).arguments(arguments).build()).getMethod();
        return new Outcome(ok.getMessageCount(), ok.getQueue());
    }

    Outcome start(TransactionId xid) throws IOException {
        return start(xid, XAResource.TMNOFLAGS, 0);
    }

    Outcome start(TransactionId xid, int flags, int timeoutSeconds) throws IOException {
        Map<String, Object> args = xidArguments("start", xid);
        args.put("x-xa-flags", flags);
        args.put("x-xa-timeout", timeoutSeconds);
        return request(args);
    }

    Outcome end(TransactionId xid, int flags) throws IOException {
        Map<String, Object> args = xidArguments("end", xid);
        args.put("x-xa-flags", flags);
        return request(args);
    }

    Outcome prepare(TransactionId xid) throws IOException {
        return request(xidArguments("prepare", xid));
    }

    Outcome commit(TransactionId xid, boolean onePhase) throws IOException {
        Map<String, Object> args = xidArguments("commit", xid);
        args.put("x-xa-flags", onePhase ? 1 : 0);
        return request(args);
    }

    Outcome rollback(TransactionId xid) throws IOException {
        return request(xidArguments("rollback", xid));
    }

    Outcome forget(TransactionId xid) throws IOException {
        return request(xidArguments("forget", xid));
    }

    /** Pages through the branches in doubt, one round trip each. */
    List<TransactionId> recover() throws IOException {
        List<TransactionId> found = new ArrayList<>();
        int count = 1;
        for (int i = 0; i < count; i++) {
            Outcome page = request(Map.of("x-xa-op", "recover", "x-xa-index", i));
            if (page.code() < 0) {
                throw new AssertionError("recover failed: " + page);
            }
            count = page.code();
            if (i < count) {
                found.add(decode(page.text()));
            }
        }
        return found;
    }

    /** A branch id as recover sends it. */
    public static TransactionId decode(String base64) {
        ByteBuffer buf = ByteBuffer.wrap(Base64.getDecoder().decode(base64));
        int formatId = buf.getInt();
        byte[] globalId = new byte[buf.get() & 0xFF];
        buf.get(globalId);
        byte[] branchQualifier = new byte[buf.get() & 0xFF];
        buf.get(branchQualifier);
        return new TransactionId(formatId, globalId, branchQualifier);
    }
}
