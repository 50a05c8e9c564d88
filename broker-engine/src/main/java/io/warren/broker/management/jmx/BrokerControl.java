package io.warren.broker.management.jmx;

import io.warren.broker.Broker;
import io.warren.broker.BrokerException;
import io.warren.broker.ClientConnection;
import io.warren.broker.store.StoreStatistics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/** The {@link BrokerMXBean} of one broker; reads the broker on each call, keeps no state of its own. */
final class BrokerControl implements BrokerMXBean {
    private final Broker broker;

    BrokerControl(Broker broker) {
        this.broker = broker;
    }

    @Override
    public String getName() {
        return broker.name();
    }

    @Override
    public String getVersion() {
        String v = Broker.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    @Override
    public Date getStartTime() {
        return Date.from(broker.startedAt());
    }

    @Override
    public long getUptimeMillis() {
        return System.currentTimeMillis() - broker.startedAt().toEpochMilli();
    }

    @Override
    public boolean isRunning() {
        return broker.isRunning();
    }

    @Override
    public List<String> getVirtualHostNames() {
        return List.copyOf(broker.virtualHostNames());
    }

    @Override
    public int getConnectionCount() {
        return broker.connections().size();
    }

    @Override
    public long getMemoryUsed() {
        return broker.memory().used();
    }

    @Override
    public long getMemoryLimit() {
        return broker.memory().limit();
    }

    @Override
    public boolean isMemoryAlarm() {
        return !broker.memory().hasCapacity();
    }

    @Override
    public int getBlockedPublishers() {
        return broker.memory().blockedPublishers();
    }

    @Override
    public long getJournalSyncs() {
        return store().syncs();
    }

    @Override
    public long getJournalBytesWritten() {
        return store().bytesWritten();
    }

    @Override
    public long getJournalSize() {
        return store().journalBytes();
    }

    @Override
    public long getJournalCompactions() {
        return store().compactions();
    }

    private StoreStatistics store() {
        return broker.storeStatistics();
    }

    @Override
    public List<ConnectionRow> listConnections() {
        List<ConnectionRow> rows = new ArrayList<>();
        for (ClientConnection c : broker.connections()) {
            rows.add(ConnectionRow.of(c.info()));
        }
        rows.sort(Comparator.comparing(ConnectionRow::id));
        return rows;
    }

    @Override
    public void closeConnection(String id, String reason) throws Exception {
        JmxErrors.run(() -> broker.connection(id)
                .orElseThrow(() -> BrokerException.notFound("connection '" + id + "' of broker '" + broker.name()
                        + "'"))
                .forceClose(ConnectionControl.reasonOrDefault(reason)));
    }
}
