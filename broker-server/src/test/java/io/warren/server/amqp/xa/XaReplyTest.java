package io.warren.server.amqp.xa;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.BrokerException;
import io.warren.broker.tx.BranchException;
import io.warren.broker.tx.TransactionId;
import io.warren.broker.tx.XaError;
import io.warren.server.amqp.XaWireClient;
import io.warren.server.amqp.method.QueueDeclareOk;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** How XA outcomes are written into {@code queue.declare-ok}. */
class XaReplyTest {
    @Test
    void successIsOkWithCodeZeroOrReadOnly() {
        assertThat(XaReply.ok().toMethod()).isEqualTo(new QueueDeclareOk("ok", 0, 0));
        assertThat(XaReply.readOnly().toMethod()).isEqualTo(new QueueDeclareOk("ok", 3, 0));
    }

    @Test
    void aNegativeErrorCodeTravelsAsItsUnsigned32Bits() {
        XaReply reply = XaReply.failed(new BranchException(XaError.UNKNOWN_BRANCH, "no such branch"));
        assertThat(reply).isEqualTo(new XaReply("no such branch", XAException.XAER_NOTA));
        assertThat(reply.toMethod().messageCount()).isEqualTo(0xFFFF_FFFCL);
        assertThat((int) reply.toMethod().messageCount()).isEqualTo(-4);
    }

    @Test
    void failuresOfDependentFuturesAreUnwrappedAndOtherFailuresAreResourceManagerErrors() {
        assertThat(XaReply.failed(new CompletionException(new BranchException(XaError.TIMED_OUT, "late"))))
                .isEqualTo(new XaReply("late", XAException.XA_RBTIMEOUT));
        assertThat(XaReply.failed(BrokerException.illegalState("channel closed")))
                .isEqualTo(new XaReply("channel closed", XAException.XAER_RMERR));
        XaReply internal = XaReply.failed(new IllegalArgumentException("bug"));
        assertThat(internal.messageCount()).isEqualTo(XAException.XAER_RMERR);
        assertThat(internal.queue()).startsWith("internal error").contains("bug");
    }

    @Test
    void aLongMessageIsCutToFitAShortstr() {
        XaReply reply = XaReply.failed(new BranchException(XaError.PROTOCOL, "\u00e9".repeat(300)));
        assertThat(reply.queue().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(reply.queue()).endsWith("...");
    }

    @Test
    void recoverPagesCarryTheCountAndOneIdInBase64() {
        TransactionId big = new TransactionId(Integer.MIN_VALUE, filled(64, 0xAB), filled(64, 0xCD));
        TransactionId small = new TransactionId(5, new byte[] {1}, new byte[0]);
        List<TransactionId> inDoubt = List.of(big, small);

        XaReply first = XaReply.inDoubt(inDoubt, 0);
        assertThat(first.messageCount()).isEqualTo(2);
        assertThat(first.queue().length()).as("fits a shortstr").isEqualTo(180);
        assertThat(XaWireClient.decode(first.queue())).isEqualTo(big);
        assertThat(Base64.getDecoder().decode(XaReply.inDoubt(inDoubt, 1).queue()))
                .containsExactly(0, 0, 0, 5, 1, 1, 0);
        assertThat(XaReply.inDoubt(inDoubt, 2)).isEqualTo(new XaReply("", 2));
        assertThat(XaReply.inDoubt(List.of(), 0)).isEqualTo(new XaReply("", 0));
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }
}
