package io.warren.server.amqp.xa;

import io.warren.broker.Channel;
import io.warren.broker.tx.TransactionId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One channel's recover scan. Recover returns one branch a round trip, so the list is taken once, when the
 * client asks for index 0 (or for any index before it took one), and later indexes read that snapshot: branches
 * prepared or completed meanwhile neither shift the pages nor make the count disagree with them. The list is in
 * a fixed order (format id, then global id and branch qualifier as unsigned bytes). Used on the channel's event
 * loop only.
 */
public final class InDoubtBranches {
    private static final Comparator<TransactionId> ORDER = Comparator.comparingInt(TransactionId::formatId)
            .thenComparing(TransactionId::globalId, Arrays::compareUnsigned)
            .thenComparing(TransactionId::branchQualifier, Arrays::compareUnsigned);

    private List<TransactionId> snapshot;

    /** The reply for page {@code index}. */
    XaReply page(Channel engine, int index) {
        if (index == 0 || snapshot == null) {
            snapshot = engine.xaRecover().stream().sorted(ORDER).toList();
        }
        return XaReply.inDoubt(snapshot, index);
    }
}
