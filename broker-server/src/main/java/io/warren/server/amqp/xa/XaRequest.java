package io.warren.server.amqp.xa;

import io.warren.broker.Channel;
import io.warren.broker.tx.EndMode;
import io.warren.broker.tx.StartMode;
import io.warren.broker.tx.TransactionId;
import java.util.concurrent.CompletableFuture;

/**
 * One XA operation a client asked for, ready to run on the engine channel behind its AMQP channel. Start and end
 * act on that channel's association; the others on any branch of the channel's virtual host.
 */
public sealed interface XaRequest {
    /**
     * Runs the operation. Fails by throwing, or by completing the future exceptionally, with the engine's
     * {@link io.warren.broker.tx.BranchException}; prepare, commit and rollback complete once the store has
     * their record, on the store's thread.
     *
     * @param inDoubt the channel's view of the branches in doubt, which {@link Recover} pages through
     */
    CompletableFuture<XaReply> runOn(Channel engine, InDoubtBranches inDoubt);

    /** XA {@code start}: associate the channel with a new, joined or resumed branch. */
    record Start(TransactionId xid, StartMode mode, int timeoutSeconds) implements XaRequest {
        @Override
        public CompletableFuture<XaReply> runOn(Channel engine, InDoubtBranches inDoubt) {
            engine.xaStart(xid, mode, timeoutSeconds);
            return CompletableFuture.completedFuture(XaReply.ok());
        }
    }

    /** XA {@code end}: end the channel's association with the branch. */
    record End(TransactionId xid, EndMode mode) implements XaRequest {
        @Override
        public CompletableFuture<XaReply> runOn(Channel engine, InDoubtBranches inDoubt) {
            engine.xaEnd(xid, mode);
            return CompletableFuture.completedFuture(XaReply.ok());
        }
    }

    /** XA {@code prepare}: {@code XA_OK} once the branch's work is durable, {@code XA_RDONLY} if it did none. */
    record Prepare(TransactionId xid) implements XaRequest {
        @Override
        public CompletableFuture<XaReply> runOn(Channel engine, InDoubtBranches inDoubt) {
            return engine.xaPrepare(xid).thenApply(readOnly -> readOnly ? XaReply.readOnly() : XaReply.ok());
        }
    }

    /** XA {@code commit}, in one phase (an unprepared branch) or two (a prepared one). */
    record Commit(TransactionId xid, boolean onePhase) implements XaRequest {
        @Override
        public CompletableFuture<XaReply> runOn(Channel engine, InDoubtBranches inDoubt) {
            return engine.xaCommit(xid, onePhase).thenApply(v -> XaReply.ok());
        }
    }

    /** XA {@code rollback}. */
    record Rollback(TransactionId xid) implements XaRequest {
        @Override
        public CompletableFuture<XaReply> runOn(Channel engine, InDoubtBranches inDoubt) {
            return engine.xaRollback(xid).thenApply(v -> XaReply.ok());
        }
    }

    /** XA {@code recover}, one branch a round trip: the {@code index}-th branch in doubt and how many there are. */
    record Recover(int index) implements XaRequest {
        @Override
        public CompletableFuture<XaReply> runOn(Channel engine, InDoubtBranches inDoubt) {
            return CompletableFuture.completedFuture(inDoubt.page(engine, index));
        }
    }

    /** XA {@code forget}. */
    record Forget(TransactionId xid) implements XaRequest {
        @Override
        public CompletableFuture<XaReply> runOn(Channel engine, InDoubtBranches inDoubt) {
            engine.xaForget(xid);
            return CompletableFuture.completedFuture(XaReply.ok());
        }
    }
}
