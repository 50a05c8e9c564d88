package io.warren.server.amqp.xa;

import io.warren.broker.tx.BranchException;
import io.warren.broker.tx.EndMode;
import io.warren.broker.tx.StartMode;
import io.warren.broker.tx.TransactionId;
import io.warren.broker.tx.XaError;
import io.warren.server.amqp.method.QueueDeclare;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.transaction.xa.XAResource;

/**
 * Reads an XA request from the arguments of a passive {@code queue.declare} of {@link #QUEUE}. Every
 * malformed request (unknown operation, missing or wrongly typed argument, an id part over 64 bytes, flags the
 * operation does not take) fails with a {@link BranchException} of {@link XaError#INVALID} naming the
 * argument, which the client receives as {@code XAER_INVAL}. Stateless and thread-safe.
 */
public final class XaRequests {
    /** The queue name a request declares (passively); no such queue exists. */
    public static final String QUEUE = "amq.warren.xa";
    /** The operation: {@code start}, {@code end}, {@code prepare}, {@code commit}, {@code rollback},
     *  {@code recover} or {@code forget}. Without it the declare is an ordinary one. */
    public static final String OPERATION = "x-xa-op";
    /** The branch's format id (signed 32-bit integer). */
    public static final String FORMAT_ID = "x-xa-format-id";
    /** The global transaction id (bytes, at most 64). */
    public static final String GLOBAL_ID = "x-xa-gtrid";
    /** The branch qualifier (bytes, at most 64). */
    public static final String BRANCH_QUALIFIER = "x-xa-bqual";
    /** {@code XAResource} flags of start and end; for commit 1 (one phase) or 0 (two phases). */
    public static final String FLAGS = "x-xa-flags";
    /** Seconds a new branch may stay unprepared (start only, optional; 0 is the broker's default). */
    public static final String TIMEOUT = "x-xa-timeout";
    /** Which in-doubt branch to return (recover only). */
    public static final String INDEX = "x-xa-index";

    private XaRequests() {
    }

    /** Whether a {@code queue.declare} carries an XA request rather than declaring or checking a queue. */
    public static boolean carriesXa(QueueDeclare d) {
        return d.passive() && QUEUE.equals(d.queue()) && d.arguments() != null
                && d.arguments().containsKey(OPERATION);
    }

    /** The request in a declare's arguments. */
    public static XaRequest parse(Map<String, Object> arguments) {
        Object op = arguments.get(OPERATION);
        if (!(op instanceof String name)) {
            throw invalid(OPERATION + " must be a string naming the XA operation, got " + describe(op));
        }
        return switch (name) {
            case "start" -> new XaRequest.Start(xid(arguments), startMode(requiredInt(arguments, FLAGS)),
                    optionalInt(arguments, TIMEOUT));
            case "end" -> new XaRequest.End(xid(arguments), endMode(requiredInt(arguments, FLAGS)));
            case "prepare" -> new XaRequest.Prepare(xid(arguments));
            case "commit" -> new XaRequest.Commit(xid(arguments), onePhase(requiredInt(arguments, FLAGS)));
            case "rollback" -> new XaRequest.Rollback(xid(arguments));
            case "recover" -> new XaRequest.Recover(index(requiredInt(arguments, INDEX)));
            case "forget" -> new XaRequest.Forget(xid(arguments));
            default -> throw invalid(OPERATION + ": unknown XA operation '" + name + "'; one of start, end, prepare,"
                    + " commit, rollback, recover, forget");
        };
    }

    private static TransactionId xid(Map<String, Object> arguments) {
        int formatId = requiredInt(arguments, FORMAT_ID);
        byte[] globalId = part(arguments, GLOBAL_ID);
        byte[] branchQualifier = part(arguments, BRANCH_QUALIFIER);
        return new TransactionId(formatId, globalId, branchQualifier);
    }

    /** A byte array ({@code x}); a long string ({@code S}) stands for its UTF-8 bytes. */
    private static byte[] part(Map<String, Object> arguments, String name) {
        if (!arguments.containsKey(name)) {
            throw invalid(name + " is missing");
        }
        Object value = arguments.get(name);
        byte[] bytes;
        if (value instanceof byte[] b) {
            bytes = b;
        } else if (value instanceof String s) {
            bytes = s.getBytes(StandardCharsets.UTF_8);
        } else {
            throw invalid(name + " must be a byte array (field type 'x') or long string, got " + describe(value));
        }
        if (bytes.length > TransactionId.MAX_PART_LENGTH) {
            throw invalid(name + " holds " + bytes.length + " bytes; XA allows at most "
                    + TransactionId.MAX_PART_LENGTH);
        }
        return bytes;
    }

    private static StartMode startMode(int flags) {
        return switch (flags) {
            case XAResource.TMNOFLAGS -> StartMode.NEW;
            case XAResource.TMJOIN -> StartMode.JOIN;
            case XAResource.TMRESUME -> StartMode.RESUME;
            default -> throw invalid(FLAGS + ": start takes TMNOFLAGS (0), TMJOIN (0x200000) or TMRESUME (0x8000000),"
                    + " not 0x" + Integer.toHexString(flags));
        };
    }

    private static EndMode endMode(int flags) {
        return switch (flags) {
            case XAResource.TMSUCCESS -> EndMode.SUCCESS;
            case XAResource.TMSUSPEND -> EndMode.SUSPEND;
            case XAResource.TMFAIL -> EndMode.FAIL;
            default -> throw invalid(FLAGS + ": end takes TMSUCCESS (0x4000000), TMSUSPEND (0x2000000) or TMFAIL"
                    + " (0x20000000), not 0x" + Integer.toHexString(flags));
        };
    }

    private static boolean onePhase(int flags) {
        return switch (flags) {
            case 0 -> false;
            case 1 -> true;
            default -> throw invalid(FLAGS + ": commit takes 1 (one phase) or 0 (two phases), not " + flags);
        };
    }

    private static int index(int index) {
        if (index < 0) {
            throw invalid(INDEX + " must be 0 or more, got " + index);
        }
        return index;
    }

    private static int requiredInt(Map<String, Object> arguments, String name) {
        if (!arguments.containsKey(name)) {
            throw invalid(name + " is missing");
        }
        return intValue(arguments.get(name), name);
    }

    private static int optionalInt(Map<String, Object> arguments, String name) {
        return arguments.containsKey(name) ? intValue(arguments.get(name), name) : 0;
    }

    /** Any integer field type whose value fits 32 bits: clients pick the type by the value's size. */
    private static int intValue(Object value, String name) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Long l && l == l.intValue()) {
            return l.intValue();
        }
        throw invalid(name + " must be a 32-bit integer, got " + describe(value));
    }

    private static String describe(Object value) {
        if (value == null) {
            return "void";
        }
        if (value instanceof byte[] b) {
            return "a byte array of " + b.length + " bytes";
        }
        if (value instanceof String s) {
            return "the string '" + s + "'";
        }
        return "the " + value.getClass().getSimpleName() + " " + value;
    }

    private static BranchException invalid(String message) {
        return new BranchException(XaError.INVALID, "malformed XA request: " + message);
    }
}
