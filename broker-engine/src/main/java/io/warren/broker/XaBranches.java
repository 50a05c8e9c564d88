package io.warren.broker;

import io.warren.broker.queue.MessageQueue;
import io.warren.broker.queue.QueueEntry;
import io.warren.broker.store.StoreBatch;
import io.warren.broker.store.StoreOperation;
import io.warren.broker.store.StoreOperation.TransactionEnded;
import io.warren.broker.store.StoreOperation.TransactionPrepared;
import io.warren.broker.tx.BranchException;
import io.warren.broker.tx.EndMode;
import io.warren.broker.tx.StartMode;
import io.warren.broker.tx.TransactionId;
import io.warren.broker.tx.XaError;
import io.warren.message.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The XA transaction branches of one virtual host — the resource manager a transaction manager talks to. A
 * channel {@link #start starts} or joins a branch and its publishes and acknowledgements go to the branch until
 * it {@link #end ends}; {@link #prepare} writes the branch's work to the store, so that it survives a crash and
 * {@link #recover} lists it afterwards; {@link #commit} applies the work as a local transaction commit does,
 * {@link #rollback} returns what it acknowledged to the queues. A branch not prepared within its timeout is
 * rolled back. State changes happen under this object's lock; store writes complete outside it.
 */
final class XaBranches {
    private static final Logger LOG = LoggerFactory.getLogger(XaBranches.class);
    /** Timeout of a branch whose transaction manager sets none (0): Artemis's default too. */
    static final int DEFAULT_TIMEOUT_SECONDS = 300;
    /** How long a branch rolled back for its timeout is remembered, to tell the transaction manager why. */
    private static final long TOMBSTONE_SECONDS = 600;

    private final VirtualHost host;
    private final Map<TransactionId, Branch> branches = new HashMap<>();

    XaBranches(VirtualHost host) {
        this.host = host;
    }

    /** Associates a channel with a branch: a new one, or one it joins or resumes. */
    synchronized Branch start(TransactionId xid, StartMode mode, int timeoutSeconds) {
        if (timeoutSeconds < 0) {
            throw fail(XaError.INVALID, "transaction timeout must be 0 (the default) or positive, got "
                    + timeoutSeconds + " s");
        }
        Branch b = branches.get(xid);
        switch (mode) {
            case NEW -> {
                if (b != null) {
                    throw fail(XaError.DUPLICATE_ID, b + " exists already: join or resume it");
                }
                b = new Branch(xid);
                branches.put(xid, b);
                Branch started = b;
                int seconds = timeoutSeconds == 0 ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
                b.timer = host.scheduler().schedule(() -> timedOut(started), seconds, TimeUnit.SECONDS);
            }
            case JOIN -> {
                checkLive(b, xid, "join");
            }
            case RESUME -> {
                checkLive(b, xid, "resume");
                if (b.suspended == 0) {
                    throw fail(XaError.PROTOCOL, "cannot resume " + b + ": it is not suspended");
                }
                b.suspended--;
            }
            default -> throw new IllegalArgumentException(mode.toString());
        }
        b.associations++;
        return b;
    }

    private void checkLive(Branch b, TransactionId xid, String operation) {
        if (b == null) {
            throw fail(XaError.UNKNOWN_BRANCH, "cannot " + operation + " transaction branch " + xid
                    + ": no such branch");
        }
        if (b.state == Branch.State.DONE) {
            throw fail(b.failure == null ? XaError.PROTOCOL : b.failure, "cannot " + operation + " " + b
                    + ": it was " + (b.failure == XaError.TIMED_OUT ? "rolled back because it timed out" : "completed"));
        }
        if (b.state == Branch.State.PREPARED) {
            throw fail(XaError.PROTOCOL, "cannot " + operation + " " + b + ": it is prepared");
        }
    }

    /** Ends a channel's association; a branch rolled back meanwhile reports it. */
    synchronized void end(Branch b, EndMode mode) {
        if (b.associations > 0) {
            b.associations--;
        }
        if (b.state == Branch.State.DONE) {
            // A rolled-back branch stays known after end reports it, so the rollback XA requires next succeeds.
            if (b.failure == null && !b.isAssociated()) {
                branches.remove(b.xid, b);
            }
            if (b.failure != null) {
                throw fail(b.failure, b + " was rolled back" + (b.failure == XaError.TIMED_OUT
                        ? " because it outlived its timeout" : ""));
            }
            return;
        }
        if (mode == EndMode.SUSPEND) {
            b.suspended++;
        } else if (mode == EndMode.FAIL && b.failure == null) {
            b.failure = XaError.ROLLED_BACK;
        }
    }

    /** A channel closed while associated: its work failed, so the branch can only roll back. */
    synchronized void abandoned(Branch b) {
        if (b.associations > 0) {
            b.associations--;
        }
        if (b.state == Branch.State.OPEN && b.failure == null) {
            b.failure = XaError.ROLLED_BACK;
        }
        if (b.state == Branch.State.DONE && !b.isAssociated()) {
            branches.remove(b.xid, b);
        }
    }

    /**
     * Prepares a branch: its work is written to the store, after which it commits or rolls back whatever
     * happens to the broker. The future completes with true when the branch did nothing (read-only: already
     * forgotten, nothing to commit).
     */
    CompletableFuture<Boolean> prepare(TransactionId xid) {
        Branch b;
        Branch.Work work;
        synchronized (this) {
            b = branches.get(xid);
            checkCompletable(b, xid, "prepare");
            if (b.state == Branch.State.PREPARED) {
                throw fail(XaError.PROTOCOL, "cannot prepare " + b + ": it is prepared already");
            }
            if (b.failure != null) {
                rollbackLocked(b);
                throw fail(b.failure, "cannot prepare " + b + ": it was marked rollback-only and is rolled back");
            }
            if (!b.hasWork()) {
                branches.remove(xid);
                b.state = Branch.State.DONE;
                b.close();
                cancelTimer(b);
                return CompletableFuture.completedFuture(true);
            }
            cancelTimer(b);
            b.state = Branch.State.PREPARED;
            work = b.snapshot();
        }
        List<Message> durablePublishes = new ArrayList<>();
        for (Message m : work.publishes()) {
            if (m.persistent()) {
                durablePublishes.add(m);
            }
        }
        List<TransactionPrepared.Ack> durableAcks = new ArrayList<>();
        for (Branch.Ack a : work.acks()) {
            if (a.entry().storeId() != 0) {
                durableAcks.add(new TransactionPrepared.Ack(a.queue().name(), a.entry().storeId()));
            }
        }
        TransactionPrepared record = new TransactionPrepared(host.name(), xid, durablePublishes, durableAcks);
        return host.store().write(StoreBatch.of(record)).handle((v, error) -> {
            if (error == null) {
                return false;
            }
            synchronized (this) {
                branches.remove(xid, b);
                b.state = Branch.State.DONE;
            }
            b.close().requeueAcks();
            throw fail(XaError.ROLLED_BACK, "could not prepare " + b + ", so it is rolled back: the store failed: "
                    + rootMessage(error), error);
        });
    }

    /**
     * Commits a branch: in one phase one that was not prepared, in two phases a prepared one. Its
     * acknowledgements and publishes take effect together, and for a prepared branch together with the record
     * that it is no longer in doubt.
     */
    CompletableFuture<Void> commit(TransactionId xid, boolean onePhase) {
        Branch b;
        Branch.Work work;
        synchronized (this) {
            b = branches.get(xid);
            checkCompletable(b, xid, "commit");
            if (onePhase && b.state == Branch.State.PREPARED) {
                throw fail(XaError.PROTOCOL, "cannot commit " + b + " in one phase: it is prepared, commit it in two");
            }
            if (!onePhase && b.state != Branch.State.PREPARED) {
                throw fail(XaError.PROTOCOL, "cannot commit " + b + " in two phases: prepare it first");
            }
            if (b.failure != null) {
                rollbackLocked(b);
                throw fail(b.failure, "cannot commit " + b + ": it was marked rollback-only and is rolled back");
            }
            Branch.Work held = b.snapshot();
            List<Message> unroutable = unroutable(held.publishes());
            if (onePhase && !unroutable.isEmpty()) {
                rollbackLocked(b);
                throw fail(XaError.ROLLED_BACK, "cannot commit " + b + ": exchange '" + unroutable.get(0).exchange()
                        + "' was deleted since a message was sent to it; the branch is rolled back");
            }
            branches.remove(xid);
            b.state = Branch.State.DONE;
            cancelTimer(b);
            work = b.close();
            if (!unroutable.isEmpty()) {
                LOG.warn("{}: {} message(s) sent to exchanges deleted since it was prepared are dropped at commit",
                        b, unroutable.size());
                List<Message> kept = new ArrayList<>(work.publishes());
                kept.removeAll(unroutable);
                work = new Branch.Work(kept, work.acks());
            }
        }
        StoreOperation ended = onePhase ? null : new TransactionEnded(host.name(), xid);
        CompletableFuture<PublishResult> committed;
        try {
            committed = host.commit(work.acksByQueue(), work.publishes(), ended);
        } catch (BrokerException e) {
            throw notApplied(b, work, onePhase, e);
        }
        return committed.handle((result, error) -> {
            if (error != null) {
                throw fail(XaError.RESOURCE_MANAGER_ERROR, "committing " + b + " failed: the store failed: "
                        + rootMessage(error), error);
            }
            if (result == PublishResult.REJECTED) {
                LOG.warn("{} committed, but a full queue (x-overflow reject-publish) refused at least one of its"
                        + " messages", b);
            }
            return null;
        });
    }

    /**
     * A commit the virtual host could not apply (nothing of it took effect): one in one phase is rolled back, as
     * its failure tells the transaction manager; a prepared branch stays in doubt, with its work, for the
     * transaction manager to commit again later ({@link XaError#RETRY}) or roll back.
     */
    private BranchException notApplied(Branch b, Branch.Work work, boolean onePhase, BrokerException cause) {
        if (onePhase) {
            work.requeueAcks();
            return fail(XaError.ROLLED_BACK, "could not commit " + b + ", so it is rolled back: "
                    + cause.getMessage(), cause);
        }
        synchronized (this) {
            Branch again = new Branch(b.xid, work.publishes(), work.acks());
            if (branches.putIfAbsent(b.xid, again) != null) {
                // The transaction manager reused the id meanwhile: it gave this branch up.
                LOG.warn("{} could not be committed and its id is in use again: it is rolled back", b);
                work.requeueAcks();
                return fail(XaError.ROLLED_BACK, "could not commit " + b + ", so it is rolled back: "
                        + cause.getMessage(), cause);
            }
        }
        return fail(XaError.RETRY, "could not commit " + b + " now; it stays prepared, commit it again later: "
                + cause.getMessage(), cause);
    }

    private List<Message> unroutable(List<Message> publishes) {
        List<Message> missing = new ArrayList<>();
        for (Message m : publishes) {
            if (!host.hasExchange(m.exchange())) {
                missing.add(m);
            }
        }
        return missing;
    }

    /** Rolls a branch back: publishes are dropped, acknowledged messages return to their queues as redelivered. */
    CompletableFuture<Void> rollback(TransactionId xid) {
        synchronized (this) {
            Branch b = branches.get(xid);
            if (b == null) {
                throw fail(XaError.UNKNOWN_BRANCH, "cannot roll back transaction branch " + xid + ": no such branch");
            }
            if (b.state == Branch.State.DONE) {
                if (!b.isAssociated()) {
                    branches.remove(xid, b);
                }
                return CompletableFuture.completedFuture(null);
            }
            boolean prepared = b.state == Branch.State.PREPARED;
            rollbackLocked(b);
            if (b.isAssociated()) {
                branches.put(xid, b);
                if (b.failure == null) {
                    b.failure = XaError.ROLLED_BACK;
                }
                host.scheduler().schedule(() -> forgetTombstone(b), TOMBSTONE_SECONDS, TimeUnit.SECONDS);
            }
            if (!prepared) {
                return CompletableFuture.completedFuture(null);
            }
        }
        return host.store().write(StoreBatch.of(new TransactionEnded(host.name(), xid)));
    }

    /** The branches in doubt: prepared, not yet committed or rolled back. */
    synchronized List<TransactionId> recover() {
        List<TransactionId> prepared = new ArrayList<>();
        for (Branch b : branches.values()) {
            if (b.state == Branch.State.PREPARED) {
                prepared.add(b.xid);
            }
        }
        return prepared;
    }

    /** Forgets a heuristically completed branch; Warren never completes one on its own, so there is none. */
    synchronized void forget(TransactionId xid) {
        Branch b = branches.get(xid);
        if (b == null) {
            throw fail(XaError.UNKNOWN_BRANCH, "cannot forget transaction branch " + xid + ": no such branch");
        }
        throw fail(XaError.PROTOCOL, "cannot forget " + b + ": it was not completed heuristically");
    }

    /** Restores a branch the store held in doubt: the messages it acknowledges stay out of circulation. */
    synchronized void recovered(TransactionPrepared record, Map<String, MessageQueue> queues) {
        Map<String, Set<Long>> idsByQueue = new HashMap<>();
        for (TransactionPrepared.Ack a : record.acks()) {
            idsByQueue.computeIfAbsent(a.queue(), q -> new HashSet<>()).add(a.messageId());
        }
        List<Branch.Ack> acks = new ArrayList<>();
        idsByQueue.forEach((name, ids) -> {
            MessageQueue q = queues.get(name);
            if (q != null) {
                for (QueueEntry e : q.acquireStored(ids)) {
                    acks.add(new Branch.Ack(q, e));
                }
            }
        });
        branches.put(record.xid(), new Branch(record.xid(), record.publishes(), acks));
        LOG.info("virtual host '{}': transaction branch {} is in doubt (prepared, {} publishes, {} acknowledgements)"
                + ": it waits for its transaction manager to commit or roll it back", host.name(), record.xid(),
                record.publishes().size(), acks.size());
    }

    private void timedOut(Branch b) {
        synchronized (this) {
            if (b.state != Branch.State.OPEN || branches.get(b.xid) != b) {
                return;
            }
            LOG.warn("{} outlived its timeout and is rolled back", b);
            rollbackLocked(b);
            b.failure = XaError.TIMED_OUT;
            branches.put(b.xid, b);
        }
        host.scheduler().schedule(() -> forgetTombstone(b), TOMBSTONE_SECONDS, TimeUnit.SECONDS);
    }

    private synchronized void forgetTombstone(Branch b) {
        if (!b.isAssociated()) {
            branches.remove(b.xid, b);
        }
    }

    /** Rolls the branch back in memory and forgets it (a caller keeps it while channels are associated). */
    private void rollbackLocked(Branch b) {
        branches.remove(b.xid, b);
        b.state = Branch.State.DONE;
        cancelTimer(b);
        b.close().requeueAcks();
    }

    private void checkCompletable(Branch b, TransactionId xid, String operation) {
        if (b == null) {
            throw fail(XaError.UNKNOWN_BRANCH, "cannot " + operation + " transaction branch " + xid + ": no such branch");
        }
        if (b.state == Branch.State.DONE) {
            if (!b.isAssociated()) {
                branches.remove(xid, b);
            }
            throw fail(b.failure == null ? XaError.UNKNOWN_BRANCH : b.failure, "cannot " + operation + " " + b
                    + ": it was " + (b.failure == XaError.TIMED_OUT ? "rolled back because it timed out"
                    : "rolled back"));
        }
        if (b.isAssociated()) {
            throw fail(XaError.PROTOCOL, "cannot " + operation + " " + b + ": a session is still associated with it"
                    + " (end it first)");
        }
    }

    private static void cancelTimer(Branch b) {
        if (b.timer != null) {
            b.timer.cancel(false);
            b.timer = null;
        }
    }

    private static BranchException fail(XaError error, String message) {
        return new BranchException(error, message);
    }

    private static BranchException fail(XaError error, String message, Throwable cause) {
        return new BranchException(error, message, cause);
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && (t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
