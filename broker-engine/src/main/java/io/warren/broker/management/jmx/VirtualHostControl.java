package io.warren.broker.management.jmx;

import io.warren.broker.BrokerException;
import io.warren.broker.VirtualHost;
import io.warren.broker.exchange.ExchangeType;
import io.warren.broker.management.ExchangeInfo;
import io.warren.broker.management.QueueSummary;
import java.util.List;
import java.util.Map;

/** The {@link VirtualHostMXBean} of one virtual host; reads it on each call, keeps no state of its own. */
final class VirtualHostControl implements VirtualHostMXBean {
    private final VirtualHost host;

    VirtualHostControl(VirtualHost host) {
        this.host = host;
    }

    @Override
    public String getName() {
        return host.name();
    }

    @Override
    public int getQueueCount() {
        return host.queueNames().size();
    }

    @Override
    public int getExchangeCount() {
        return host.exchanges().size();
    }

    @Override
    public int getConnectionCount() {
        return host.connections().size();
    }

    @Override
    public long getMessagesReady() {
        long n = 0;
        for (QueueSummary q : host.queues()) {
            n += q.statistics().ready();
        }
        return n;
    }

    @Override
    public long getMessagesUnacknowledged() {
        long n = 0;
        for (QueueSummary q : host.queues()) {
            n += q.statistics().unacknowledged();
        }
        return n;
    }

    @Override
    public List<String> getQueueNames() {
        return List.copyOf(host.queueNames());
    }

    @Override
    public List<String> getExchangeNames() {
        return host.exchanges().stream().map(ExchangeInfo::name).toList();
    }

    @Override
    public void createQueue(String name, boolean durable) throws Exception {
        JmxErrors.run(() -> {
            if (name == null || name.isEmpty()) {
                throw BrokerException.invalidArgument("a queue created through JMX needs a name");
            }
            host.queueDeclare(null, name, durable, false, false, Map.of());
        });
    }

    @Override
    public int deleteQueue(String name) throws Exception {
        return JmxErrors.call(() -> host.queueDelete(null, name, false, false));
    }

    @Override
    public void createExchange(String name, String type, boolean durable) throws Exception {
        JmxErrors.run(() -> host.exchangeDeclare(name, ExchangeType.fromName(type), durable, false, false,
                Map.of()));
    }

    @Override
    public void deleteExchange(String name) throws Exception {
        JmxErrors.run(() -> host.exchangeDelete(name, false));
    }

    @Override
    public List<BindingRow> listBindings() {
        return host.allBindings().stream().map(BindingRow::of).toList();
    }
}
