package io.warren.jms.client;

import io.warren.jms.transport.BrokerChannel;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TopicSession;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.XAQueueSession;
import jakarta.jms.XATopicSession;
import java.util.List;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session whose transactions a transaction manager runs through its {@link XAResource}. Between the resource's
 * {@code start} and {@code end} its sends and the messages it receives are the branch's work; outside a global
 * transaction it behaves as an AUTO_ACKNOWLEDGE session. {@link #getTransacted()} is true and
 * {@link #commit()}/{@link #rollback()} are refused, as the specification says.
 */
public class WarrenXASession extends WarrenSession implements XAQueueSession, XATopicSession {
    private static final Logger LOG = LoggerFactory.getLogger(WarrenXASession.class);

    private final WarrenXAResource resource;
    private final Object branchLock = new Object();
    /** The branch this session works for, between start and end. */
    private Xid current;
    /** The branch whose association ended because the session closed: its later end is a no-op. */
    private Xid endedByClose;

    WarrenXASession(WarrenConnection connection) throws JMSException {
        super(connection, Session.AUTO_ACKNOWLEDGE, Domain.ANY);
        this.resource = new WarrenXAResource(this);
    }

    @Override
    Acknowledgement newAcknowledgement(BrokerChannel channel) throws JMSException {
        return new XaAcknowledgement(channel);
    }

    private XaAcknowledgement xaAcknowledgement() {
        return (XaAcknowledgement) acknowledgement();
    }

    @Override
    public XAResource getXAResource() {
        return resource;
    }

    @Override
    public Session getSession() throws JMSException {
        checkOpen();
        return this;
    }

    @Override
    public QueueSession getQueueSession() throws JMSException {
        checkOpen();
        return this;
    }

    @Override
    public TopicSession getTopicSession() throws JMSException {
        checkOpen();
        return this;
    }

    @Override
    public boolean getTransacted() throws JMSException {
        checkOpen();
        return true;
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        checkOpen();
        return Session.SESSION_TRANSACTED;
    }

    @Override
    public void commit() throws JMSException {
        checkOpen();
        throw new TransactionInProgressException("commit is not allowed on an XASession: its transactions are"
                + " committed by the transaction manager through its XAResource");
    }

    @Override
    public void rollback() throws JMSException {
        checkOpen();
        throw new TransactionInProgressException("rollback is not allowed on an XASession: its transactions are"
                + " rolled back by the transaction manager through its XAResource");
    }

    @Override
    public void recover() throws JMSException {
        checkOpen();
        if (xaAcknowledgement().isEnlisted()) {
            throw new IllegalStateException("recover is not allowed while the session works for a global"
                    + " transaction: the transaction manager rolls it back");
        }
        super.recover();
    }

    // ---- the branch association, driven by the XAResource ----------------------------------------------

    void startBranch(Xid xid, int flags, int timeoutSeconds) throws XAException {
        synchronized (branchLock) {
            if (isClosed()) {
                throw XaErrors.error(XAException.XAER_RMFAIL, "cannot start a branch: the session is closed");
            }
            if (current != null) {
                throw XaErrors.error(XAException.XAER_PROTO, "the session works for branch " + current
                        + " already: end it first");
            }
            channel().xaStart(xid, flags, timeoutSeconds);
            xaAcknowledgement().enlist();
            current = xid;
        }
    }

    void endBranch(Xid xid, int flags) throws XAException {
        synchronized (branchLock) {
            if (current == null && xid.equals(endedByClose)) {
                endedByClose = null;
                return;
            }
            if (current == null || !current.equals(xid)) {
                throw XaErrors.error(XAException.XAER_PROTO, "the session does not work for branch " + xid
                        + (current == null ? "" : " but for " + current));
            }
            current = null;
            BrokerChannel ch = channel();
            List<Long> received = xaAcknowledgement().delist();
            if (!received.isEmpty()) {
                try {
                    ch.ack(received);
                } catch (JMSException e) {
                    ch.xaEnd(xid, XAResource.TMFAIL);
                    throw XaErrors.error(XAException.XA_RBROLLBACK, "could not acknowledge the branch's received"
                            + " messages, so it is rolled back: " + e.getMessage(), e);
                }
            }
            ch.xaEnd(xid, flags);
        }
    }

    /** The broker channel for branch completion: the connection's, so it works after this session closed. */
    BrokerChannel completionChannel() throws XAException {
        try {
            return connection().managementChannel();
        } catch (JMSException e) {
            throw XaErrors.error(XAException.XAER_RMFAIL, "cannot reach the broker: " + e.getMessage(), e);
        }
    }

    String resourceManagerId() {
        return connection().link().resourceManagerId();
    }

    @Override
    void beforeChannelClose() {
        synchronized (branchLock) {
            Xid xid = current;
            if (xid == null) {
                return;
            }
            try {
                endBranch(xid, XAResource.TMSUCCESS);
                endedByClose = xid;
            } catch (XAException e) {
                LOG.warn("closing an XA session: ending its association with branch {} failed ({}), the branch"
                        + " can only roll back", xid, e.getMessage());
            }
        }
    }
}
