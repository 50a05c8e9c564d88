package io.warren.broker.management.jmx;

import java.util.Date;
import java.util.List;

/**
 * A broker as operators see it in jconsole: {@code io.warren:type=Broker,name=NAME}. Attributes are read
 * afresh on every request; operations run on the calling JMX thread. A failed operation reaches the client as
 * a {@link javax.management.MBeanException} around a plain {@link Exception} whose message names the object
 * and the error code.
 */
public interface BrokerMXBean {

    String getName();

    /** The broker-engine version from its jar's manifest, or {@code unknown} when run from classes. */
    String getVersion();

    /** When the broker finished recovery and started serving. */
    Date getStartTime();

    long getUptimeMillis();

    boolean isRunning();

    List<String> getVirtualHostNames();

    /** Open client connections of every virtual host. */
    int getConnectionCount();

    /** Heap held by queued messages, bytes. */
    long getMemoryUsed();

    /** Heap queued messages may hold before publishers are slowed down, bytes. */
    long getMemoryLimit();

    /** Whether memory use is at or over the limit, so publishers wait and are then refused. */
    boolean isMemoryAlarm();

    /** Publishers waiting for memory now. */
    int getBlockedPublishers();

    /** Forces of the journal to disk since the broker started (0 without a data directory). */
    long getJournalSyncs();

    long getJournalBytesWritten();

    /** Current size of the journal on disk, bytes. */
    long getJournalSize();

    long getJournalCompactions();

    /** Every open client connection, of every virtual host, by id. */
    List<ConnectionRow> listConnections();

    /**
     * Closes a client connection as the broker does when it stops: its channels close, their unacknowledged
     * messages go back to their queues, and the client is told {@code reason}.
     *
     * @throws Exception NOT_FOUND when no open connection has that id
     */
    void closeConnection(String id, String reason) throws Exception;
}
