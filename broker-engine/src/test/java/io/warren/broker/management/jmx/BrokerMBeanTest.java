package io.warren.broker.management.jmx;

import static io.warren.broker.management.jmx.PlatformJmx.SERVER;
import static io.warren.broker.management.jmx.PlatformJmx.awaitRegistered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.ClientConnection;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.MBeanException;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;

class BrokerMBeanTest {

    @Test
    void brokerMBeanShowsNameRunningVirtualHostsConnectionsAndMemory() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("attrs")) {
            ObjectName name = new ObjectName("io.warren:type=Broker,name=" + jmx.broker.name());
            jmx.broker.defaultVirtualHost().connect("app");

            assertThat(SERVER.isRegistered(name)).isTrue();
            assertThat(jmx.attribute(name, "Name")).isEqualTo(jmx.broker.name());
            assertThat(jmx.attribute(name, "Running")).isEqualTo(true);
            assertThat((String[]) jmx.attribute(name, "VirtualHostNames")).containsExactly("/");
            assertThat(jmx.attribute(name, "ConnectionCount")).isEqualTo(1);
            assertThat((long) jmx.attribute(name, "MemoryLimit")).isEqualTo(jmx.broker.config().maxMemoryBytes());
            assertThat((long) jmx.attribute(name, "MemoryUsed")).isZero();
            assertThat(jmx.attribute(name, "MemoryAlarm")).isEqualTo(false);
            assertThat(jmx.attribute(name, "BlockedPublishers")).isEqualTo(0);
            assertThat((long) jmx.attribute(name, "UptimeMillis")).isNotNegative();
            assertThat((Date) jmx.attribute(name, "StartTime")).isEqualTo(Date.from(jmx.broker.startedAt()));
            assertThat(jmx.attribute(name, "Version")).isEqualTo(
                    Optional.ofNullable(Broker.class.getPackage().getImplementationVersion()).orElse("unknown"));
            assertThat(jmx.attribute(name, "JournalSyncs")).isEqualTo(0L);
            assertThat(jmx.attribute(name, "JournalBytesWritten")).isEqualTo(0L);
            assertThat(jmx.attribute(name, "JournalSize")).isEqualTo(0L);
            assertThat(jmx.attribute(name, "JournalCompactions")).isEqualTo(0L);
        }
    }

    @Test
    void listConnectionsGivesATableOfIdUserVirtualHostProtocolPeerAndChannels() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("list")) {
            ClientConnection c = jmx.broker.defaultVirtualHost().connect("app");
            c.createChannel();
            c.createChannel();

            CompositeData[] rows = (CompositeData[]) jmx.invoke(jmx.names.broker(), "listConnections");

            assertThat(rows).hasSize(1);
            assertThat(rows[0].get("id")).isEqualTo(c.id());
            assertThat(rows[0].get("user")).isEqualTo("");
            assertThat(rows[0].get("virtualHost")).isEqualTo("/");
            assertThat(rows[0].get("protocol")).isEqualTo("vm");
            assertThat(rows[0].get("peer")).isEqualTo("");
            assertThat(rows[0].get("clientName")).isEqualTo("app");
            assertThat(rows[0].get("channels")).isEqualTo(2);
        }
    }

    @Test
    void closeConnectionClosesTheEngineConnectionAndTellsTheClientWhy() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("closeconn")) {
            ClientConnection c = jmx.broker.defaultVirtualHost().connect("app");
            List<String> reasons = new CopyOnWriteArrayList<>();
            c.onBrokerClose(reasons::add);

            jmx.invoke(jmx.names.broker(), "closeConnection", c.id(), "maintenance window");

            assertThat(c.isOpen()).isFalse();
            assertThat(reasons).containsExactly("maintenance window");
            assertThat(jmx.broker.connections()).isEmpty();
        }
    }

    @Test
    void closingAnUnknownConnectionFailsNamingIt() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("closeunknown")) {
            assertThatThrownBy(() -> jmx.invoke(jmx.names.broker(), "closeConnection", "conn-none", "why"))
                    .isInstanceOf(MBeanException.class)
                    .hasMessageContaining("connection 'conn-none'").hasMessageContaining("NOT_FOUND")
                    .cause().isExactlyInstanceOf(Exception.class).hasNoCause();
        }
    }

    @Test
    void closingTheBrokerUnregistersEveryMBeanOfIt() throws Exception {
        PlatformJmx jmx = PlatformJmx.start("closeall");
        jmx.broker.defaultVirtualHost().queueDeclare(null, "orders", true, false, false, null);
        jmx.broker.defaultVirtualHost().connect("app");
        awaitRegistered(jmx.names.queue("/", "orders"));
        assertThat(SERVER.queryNames(jmx.names.all(), null)).isNotEmpty();

        jmx.close();

        assertThat(SERVER.queryNames(jmx.names.all(), null)).isEmpty();
    }

    @Test
    void aBrokerWithJmxOffRegistersNothing() throws Exception {
        String name = PlatformJmx.uniqueName("off");
        try (Broker broker = Broker.start(BrokerConfig.builder(name).jmx(false).build())) {
            broker.defaultVirtualHost().queueDeclare(null, "orders", true, false, false, null);
            broker.defaultVirtualHost().connect("app").close();

            assertThat(broker.config().jmx()).isFalse();
            assertThat(broker.config().toString()).contains("jmx=false");
            assertThat(SERVER.queryNames(new ObjectName("io.warren:name=" + name + ",*"), null)).isEmpty();
        }
    }

    @Test
    void twoBrokersWithDifferentNamesHaveTheirOwnMBeans() throws Exception {
        try (PlatformJmx a = PlatformJmx.start("a"); PlatformJmx b = PlatformJmx.start("b")) {
            assertThat(a.attribute(a.names.broker(), "Name")).isEqualTo(a.broker.name());
            assertThat(b.attribute(b.names.broker(), "Name")).isEqualTo(b.broker.name());
        }
    }

    @Test
    void aSecondBrokerOfTheSameNameStartsWithoutJmxAndLeavesTheFirstOnesMBeansAlone() throws Exception {
        try (PlatformJmx first = PlatformJmx.start("twin")) {
            first.broker.defaultVirtualHost().queueDeclare(null, "first-only", false, false, false, null);
            awaitRegistered(first.names.queue("/", "first-only"));
            List<ObjectName> before = new ArrayList<>(SERVER.queryNames(first.names.all(), null));

            try (Broker second = Broker.start(BrokerConfig.builder(first.broker.name()).build())) {
                second.defaultVirtualHost().queueDeclare(null, "second-only", false, false, false, null);
                assertThat(second.isRunning()).isTrue();
            }

            assertThat(SERVER.queryNames(first.names.all(), null)).containsExactlyInAnyOrderElementsOf(before);
            assertThat(first.attribute(first.names.broker(), "Running")).isEqualTo(true);
        }
    }
}
