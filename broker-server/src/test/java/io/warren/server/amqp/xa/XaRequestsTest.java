package io.warren.server.amqp.xa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.tx.BranchException;
import io.warren.broker.tx.EndMode;
import io.warren.broker.tx.StartMode;
import io.warren.broker.tx.TransactionId;
import io.warren.broker.tx.XaError;
import io.warren.server.amqp.method.QueueDeclare;
import java.util.HashMap;
import java.util.Map;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.Test;

/** Reading XA requests from {@code queue.declare} arguments: which declares carry one, and every argument. */
class XaRequestsTest {
    private static final TransactionId XID = new TransactionId(7, new byte[] {1, 2}, new byte[] {3});

    private static Map<String, Object> args(String op) {
        Map<String, Object> args = new HashMap<>();
        args.put("x-xa-op", op);
        args.put("x-xa-format-id", 7);
        args.put("x-xa-gtrid", new byte[] {1, 2});
        args.put("x-xa-bqual", new byte[] {3});
        return args;
    }

    private static Map<String, Object> args(String op, String key, Object value) {
        Map<String, Object> args = args(op);
        args.put(key, value);
        return args;
    }

    private static QueueDeclare declare(String queue, boolean passive, Map<String, Object> arguments) {
        return new QueueDeclare(queue, passive, false, false, false, false, arguments);
    }

    private static void assertInvalid(Map<String, Object> arguments, String mention) {
        assertThatThrownBy(() -> XaRequests.parse(arguments)).isInstanceOfSatisfying(BranchException.class, e -> {
            assertThat(e.xaError()).isEqualTo(XaError.INVALID);
            assertThat(e.getMessage()).contains(mention);
        });
    }

    @Test
    void onlyAPassiveDeclareOfTheXaQueueWithAnOperationCarriesARequest() {
        assertThat(XaRequests.carriesXa(declare("amq.warren.xa", true, args("prepare")))).isTrue();
        assertThat(XaRequests.carriesXa(declare("amq.warren.xa", false, args("prepare")))).isFalse();
        assertThat(XaRequests.carriesXa(declare("orders", true, args("prepare")))).isFalse();
        assertThat(XaRequests.carriesXa(declare("amq.warren.xa", true, null))).isFalse();
        assertThat(XaRequests.carriesXa(declare("amq.warren.xa", true, Map.of("x-xa-gtrid", new byte[0]))))
                .isFalse();
    }

    @Test
    void eachOperationReadsItsArguments() {
        assertThat(XaRequests.parse(args("start", "x-xa-flags", XAResource.TMJOIN)))
                .isEqualTo(new XaRequest.Start(XID, StartMode.JOIN, 0));
        Map<String, Object> timed = args("start", "x-xa-flags", XAResource.TMNOFLAGS);
        timed.put("x-xa-timeout", 30);
        assertThat(XaRequests.parse(timed)).isEqualTo(new XaRequest.Start(XID, StartMode.NEW, 30));
        assertThat(XaRequests.parse(args("start", "x-xa-flags", XAResource.TMRESUME)))
                .isEqualTo(new XaRequest.Start(XID, StartMode.RESUME, 0));
        assertThat(XaRequests.parse(args("end", "x-xa-flags", XAResource.TMSUCCESS)))
                .isEqualTo(new XaRequest.End(XID, EndMode.SUCCESS));
        assertThat(XaRequests.parse(args("end", "x-xa-flags", XAResource.TMSUSPEND)))
                .isEqualTo(new XaRequest.End(XID, EndMode.SUSPEND));
        assertThat(XaRequests.parse(args("end", "x-xa-flags", XAResource.TMFAIL)))
                .isEqualTo(new XaRequest.End(XID, EndMode.FAIL));
        assertThat(XaRequests.parse(args("prepare"))).isEqualTo(new XaRequest.Prepare(XID));
        assertThat(XaRequests.parse(args("commit", "x-xa-flags", 1))).isEqualTo(new XaRequest.Commit(XID, true));
        assertThat(XaRequests.parse(args("commit", "x-xa-flags", 0))).isEqualTo(new XaRequest.Commit(XID, false));
        assertThat(XaRequests.parse(args("rollback"))).isEqualTo(new XaRequest.Rollback(XID));
        assertThat(XaRequests.parse(args("forget"))).isEqualTo(new XaRequest.Forget(XID));
        assertThat(XaRequests.parse(Map.of("x-xa-op", "recover", "x-xa-index", 4)))
                .isEqualTo(new XaRequest.Recover(4));
    }

    @Test
    void integersOfAnyFieldTypeThatFit32BitsAreTaken() {
        assertThat(XaRequests.parse(args("prepare", "x-xa-format-id", 7L))).isEqualTo(new XaRequest.Prepare(XID));
        assertThat(XaRequests.parse(args("prepare", "x-xa-format-id", (short) 7)))
                .isEqualTo(new XaRequest.Prepare(XID));
        assertThat(XaRequests.parse(args("prepare", "x-xa-format-id", (byte) 7)))
                .isEqualTo(new XaRequest.Prepare(XID));
        assertInvalid(args("prepare", "x-xa-format-id", 1L << 32), "x-xa-format-id must be a 32-bit integer");
        assertInvalid(args("prepare", "x-xa-format-id", 7.0), "x-xa-format-id must be a 32-bit integer");
    }

    @Test
    void aNegativeFormatIdAndEmptyPartsAreValid() {
        Map<String, Object> args = args("rollback", "x-xa-format-id", -1);
        args.put("x-xa-gtrid", new byte[0]);
        args.put("x-xa-bqual", new byte[64]);
        assertThat(XaRequests.parse(args))
                .isEqualTo(new XaRequest.Rollback(new TransactionId(-1, new byte[0], new byte[64])));
    }

    @Test
    void malformedArgumentsAreInvalidAndNamed() {
        assertInvalid(args("begin"), "x-xa-op: unknown XA operation 'begin'");
        assertInvalid(args("prepare", "x-xa-op", null), "x-xa-op must be a string");
        assertInvalid(args("prepare", "x-xa-gtrid", new byte[65]), "x-xa-gtrid holds 65 bytes");
        assertInvalid(args("prepare", "x-xa-bqual", 12), "x-xa-bqual must be a byte array");
        Map<String, Object> noFormat = args("prepare");
        noFormat.remove("x-xa-format-id");
        assertInvalid(noFormat, "x-xa-format-id is missing");
        assertInvalid(args("start"), "x-xa-flags is missing");
        assertInvalid(args("start", "x-xa-flags", XAResource.TMONEPHASE), "start takes TMNOFLAGS");
        assertInvalid(args("end", "x-xa-flags", XAResource.TMNOFLAGS), "end takes TMSUCCESS");
        assertInvalid(args("commit", "x-xa-flags", XAResource.TMONEPHASE), "commit takes 1 (one phase) or 0");
        Map<String, Object> timeout = args("start", "x-xa-flags", 0);
        timeout.put("x-xa-timeout", "60");
        assertInvalid(timeout, "x-xa-timeout must be a 32-bit integer, got the string '60'");
        assertInvalid(Map.of("x-xa-op", "recover"), "x-xa-index is missing");
        assertInvalid(Map.of("x-xa-op", "recover", "x-xa-index", -2), "x-xa-index must be 0 or more");
    }
}
