package io.warren.benchmarks.paging;

import io.warren.benchmarks.jms.JournalUrls;
import io.warren.broker.Broker;
import io.warren.broker.VirtualHost;
import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.transport.vm.VmBrokers;
import io.warren.jms.url.ConnectionUrl;
import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;

/**
 * Warren's in-JVM broker ({@code vm://NAME?persistent=true&dataDir=…&sync=always&jmx=false}) with its journal in
 * the run's data directory: the broker a JMS application embeds. Its heap budget for queued messages is the
 * engine's default, half the maximum heap.
 */
public final class WarrenBacklogBroker implements BacklogBroker {
    private final String name;
    private final String url;

    public WarrenBacklogBroker(Path dataDir) {
        this.name = "paging-bench-" + ProcessHandle.current().pid();
        this.url = "vm://" + name + "?persistent=true&" + JournalUrls.options(dataDir, "always") + "&jmx=false";
    }

    @Override
    public String kind() {
        return "warren";
    }

    @Override
    public ConnectionFactory start() {
        VmBrokers.acquire(ConnectionUrl.parse(url));
        return new WarrenConnectionFactory(url);
    }

    @Override
    public long depth(String queue) {
        Broker broker = VmBrokers.get(name);
        if (broker == null) {
            throw new IllegalStateException("broker " + name + " is not running");
        }
        VirtualHost host = broker.defaultVirtualHost();
        return host.hasQueue(queue) ? host.queueInfo(queue).messageCount() : 0;
    }

    @Override
    public void stop() {
        VmBrokers.stop(name);
    }
}
