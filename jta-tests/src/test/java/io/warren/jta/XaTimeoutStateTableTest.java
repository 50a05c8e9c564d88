package io.warren.jta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.warren.jms.transport.BranchXid;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.XASession;
import java.time.Duration;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How Warren's XAResource answers a transaction manager whose branch Warren rolled back for its timeout, the path
 * Narayana's transaction reaper takes: {@code end(TMFAIL)}, then {@code rollback}.
 */
class XaTimeoutStateTableTest {
    private final WarrenBroker broker = WarrenBroker.inMemory("xa-timeout-state");

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    @Test
    void aBranchRolledBackForItsTimeoutAcceptsTheRollbackAfterEndReportedIt() throws Exception {
        XASession session = broker.xaConnection().createXASession();
        Queue queue = session.createQueue("late");
        XAResource resource = session.getXAResource();
        resource.setTransactionTimeout(1);
        Xid xid = new BranchXid(4711, "timeout-gtrid".getBytes(), "timeout-bqual".getBytes());
        resource.start(xid, XAResource.TMNOFLAGS);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            try {
                session.createProducer(queue).send(session.createTextMessage("late"));
                return false;
            } catch (JMSException timedOut) {
                return true;
            }
        });

        XAException ended = catchXa(() -> resource.end(xid, XAResource.TMFAIL));
        assertThat(ended).as("end of a timed-out branch").isNotNull();
        assertThat(ended.errorCode).isEqualTo(XAException.XA_RBTIMEOUT);
        // XA state table: end returning XA_RB* leaves the branch Rollback Only (S4), where xa_rollback returns
        // XA_OK or XA_RB* and the branch is then forgotten (S0); XAER_NOTA is not an answer of S4
        XAException rolledBack = catchXa(() -> resource.rollback(xid));
        assertThat(rolledBack == null ? XAResource.XA_OK : rolledBack.errorCode).as("rollback after end")
                .isIn(XAResource.XA_OK, XAException.XA_RBTIMEOUT, XAException.XA_RBROLLBACK);
        assertThatCode(() -> resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN))
                .doesNotThrowAnyException();
        assertThat(broker.ready("late")).isZero();
    }

    private interface XaCall {
        void run() throws XAException;
    }

    private static XAException catchXa(XaCall call) {
        try {
            call.run();
            return null;
        } catch (XAException e) {
            return e;
        }
    }
}
