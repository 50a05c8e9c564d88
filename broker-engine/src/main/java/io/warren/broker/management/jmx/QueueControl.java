package io.warren.broker.management.jmx;

import io.warren.broker.BrokerException;
import io.warren.broker.VirtualHost;
import io.warren.broker.management.MessageMover;
import io.warren.broker.management.QueueSummary;
import io.warren.broker.queue.QueueStatistics;
import io.warren.message.Message;
import java.util.List;
import java.util.Map;

/** The {@link QueueMXBean} of one queue, found by name on each call. */
final class QueueControl implements QueueMXBean {
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
            List<Message> all = browse(null);
            long from = (long) (page - 1) * pageSize;
            if (from >= all.size()) {
                return List.of();
            }
            int to = (int) Math.min(all.size(), from + pageSize);
            return all.subList((int) from, to).stream().map(MessageRow::of).toList();
        });
    }

    @Override
    public int countMessages(String selector) throws Exception {
        return JmxErrors.call(() -> browse(selector).size());
    }

    /** The whole queue's matching messages: browse has no window, so a page costs a pass over the queue. */
    private List<Message> browse(String selector) {
        return ManagementSession.withChannel(host, channel -> channel.browse(name, selector));
    }
}
