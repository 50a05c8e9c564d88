package io.warren.benchmarks.paging.peers;

import io.warren.benchmarks.paging.BacklogBroker;
import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * ActiveMQ Artemis embedded in the run's JVM, reached through its JMS client over the in-VM connector
 * ({@code vm://0}): NIO journal in the run's data directory (synced as Artemis syncs by default), security and
 * JMX off, queues created on first use, and every address paging once it holds more than {@code maxSizeBytes}
 * ({@code address-full-policy PAGE}). Compiled only with the benchmarks module's {@code peers} profile and
 * loaded by name.
 */
public final class ArtemisBacklogBroker implements BacklogBroker {
    private final Path dataDir;
    private final long maxSizeBytes;
    private EmbeddedActiveMQ server;

    public ArtemisBacklogBroker(Path dataDir, long maxSizeBytes) {
        this.dataDir = dataDir;
        this.maxSizeBytes = maxSizeBytes;
    }

    @Override
    public String kind() {
        return "artemis";
    }

    @Override
    public ConnectionFactory start() throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("paging-bench")
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large").toString())
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("in-vm", "vm://0");
        config.addAddressSetting("#", new AddressSettings()
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true)
                .setMaxSizeBytes(maxSizeBytes)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE));
        server = new EmbeddedActiveMQ().setConfiguration(config);
        server.start();
        return new ActiveMQConnectionFactory("vm://0");
    }

    @Override
    public long depth(String queue) {
        Queue q = server.getActiveMQServer().locateQueue(queue);
        return q == null ? 0 : q.getMessageCount();
    }

    @Override
    public void stop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
