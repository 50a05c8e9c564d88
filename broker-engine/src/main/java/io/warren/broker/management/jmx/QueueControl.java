package io.warren.broker.management.jmx;

import io.warren.broker.BrokerException;
import io.warren.broker.BrowseBatch;
import io.warren.broker.BrowsePosition;
import io.warren.broker.VirtualHost;
import io.warren.broker.management.MessageMover;
import io.warren.broker.management.QueueSummary;
import io.warren.broker.queue.QueueStatistics;
import io.warren.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The {@link QueueMXBean} of one queue, found by name on each call. */
final class QueueControl implements QueueMXBean {
    /** Messages a walk over the queue reads at once. */
    private static final int WALK_BATCH = 256;

    private final VirtualHost host;
    private final String name;

    QueueControl(VirtualHost host, String name) {
        this.host = host;
        this.name = name;
    }

    private QueueSummary summary() {
        return host.queue(name).orElseThrow(() -> JmxErrors.gone("queue '" + name + "' in virtual host '"
                + host.name() + "'"));
    }

    private QueueStatistics statistics() {
        return summary().statistics();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getVirtualHost() {
        return host.name();
    }

    @Override
    public boolean isDurable() {
        return summary().durable();
    }

    @Override
    public boolean isExclusive() {
        return summary().exclusive();
    }

    @Override
    public boolean isAutoDelete() {
        return summary().autoDelete();
    }

    @Override
    public Map<String, String> getArguments() {
        return OpenValues.texts(summary().arguments());
    }

    @Override
    public int getReady() {
        return statistics().ready();
    }

    @Override
    public int getUnacknowledged() {
        return statistics().unacknowledged();
    }

    @Override
    public long getMessages() {
        return statistics().messages();
    }

    @Override
    public long getReadyBytes() {
        return statistics().readyBytes();
    }

    @Override
    public int getPaged() {
        return statistics().paged();
    }

    @Override
    public int getConsumers() {
        return statistics().consumers();
    }

    @Override
    public long getPublished() {
        return statistics().published();
    }

    @Override
    public long getDelivered() {
        return statistics().delivered();
    }

    @Override
    public long getRedelivered() {
        return statistics().redelivered();
    }

    @Override
    public long getAcknowledged() {
        return statistics().acknowledged();
    }

    @Override
    public long getDeadLettered() {
        return statistics().deadLettered();
    }

    @Override
    public long getDiscarded() {
        return statistics().discarded();
    }

    @Override
    public int purge() throws Exception {
        return JmxErrors.call(() -> host.queuePurge(null, name));
    }

    @Override
    public int delete() throws Exception {
        return JmxErrors.call(() -> host.queueDelete(null, name, false, false));
    }

    @Override
    public int moveMessages(String targetQueue, int max) throws Exception {
        return moveMessages(targetQueue, null, max);
    }

    @Override
    public int moveMessages(String targetQueue, String selector, int max) throws Exception {
        return JmxErrors.call(() -> MessageMover.move(host, ManagementSession.CLIENT_NAME, name, targetQueue,
                selector, max));
    }

    @Override
    public List<MessageRow> listMessages(int page, int pageSize) throws Exception {
        return JmxErrors.call(() -> {
            if (page < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                throw BrokerException.invalidArgument("page " + page + " of size " + pageSize + ": pages start at 1"
                        + " and hold 1 to " + MAX_PAGE_SIZE + " messages");
            }
            long from = (long) (page - 1) * pageSize;
            List<MessageRow> rows = new ArrayList<>();
            long[] at = {0};
            walk(null, m -> {
                if (at[0]++ >= from) {
                    rows.add(MessageRow.of(m));
                }
                return rows.size() < pageSize;
            });
            return rows;
        });
    }

    @Override
    public int countMessages(String selector) throws Exception {
        return JmxErrors.call(() -> {
            int[] count = {0};
            walk(selector, m -> {
                count[0]++;
                return true;
            });
            return count[0];
        });
    }

    /**
     * Shows the queue's matching messages to {@code visit} in delivery order, a batch at a time, until it returns
     * false or the queue ends: a page costs a walk over the queue up to it, but only a batch is held at once.
     */
    private void walk(String selector, Predicate<Message> visit) {
        ManagementSession.withChannel(host, channel -> {
            BrowsePosition at = BrowsePosition.START;
            while (!at.isDone()) {
                BrowseBatch batch = channel.browse(name, selector, at, WALK_BATCH);
                for (Message m : batch.messages()) {
                    if (!visit.test(m)) {
                        return null;
                    }
                }
                at = batch.next();
            }
            return null;
        });
    }
}
