package io.warren.broker.management.jmx;

import static io.warren.broker.management.jmx.PlatformJmx.awaitRegistered;
import static io.warren.broker.management.jmx.PlatformJmx.awaitUnregistered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.Channel;
import io.warren.broker.ClientConnection;
import io.warren.broker.ConsumeOptions;
import io.warren.broker.management.ConnectionDetails;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.MBeanException;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

class ConnectionMBeanTest {

    @Test
    void connectionMBeanShowsWhoIsConnectedAndHow() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("conn")) {
            ClientConnection c = jmx.broker.defaultVirtualHost().connect("billing");
            c.setDetails(new ConnectionDetails("AMQP 0-9-1", "alice", "10.0.0.7", 51234, "10.0.0.1", 5672,
                    Map.of("product", "pika"), 1_700_000_000_000L));
            Channel ch = c.createChannel();
            ch.queueDeclare("q", false, false, false, null);
            ch.consume("q", ConsumeOptions.prefetch(0), d -> { });
            c.createChannel();
            ObjectName name = new ObjectName("io.warren:type=Broker,name=" + jmx.broker.name()
                    + ",vhost=/,component=connections,connection=" + c.id());
            awaitRegistered(name);

            assertThat(jmx.attribute(name, "Id")).isEqualTo(c.id());
            assertThat(jmx.attribute(name, "User")).isEqualTo("alice");
            assertThat(jmx.attribute(name, "Protocol")).isEqualTo("AMQP 0-9-1");
            assertThat(jmx.attribute(name, "Peer")).isEqualTo("10.0.0.7:51234");
            assertThat(jmx.attribute(name, "ClientName")).isEqualTo("billing");
            assertThat(jmx.attribute(name, "ConnectedAt")).isEqualTo(new Date(1_700_000_000_000L));
            assertThat(jmx.attribute(name, "Channels")).isEqualTo(2);
            assertThat(jmx.attribute(name, "Consumers")).isEqualTo(1);
            TabularData props = (TabularData) jmx.attribute(name, "ClientProperties");
            assertThat(props.get(new Object[] {"product"}).get("value")).isEqualTo("pika");
        }
    }

    @Test
    void closeThroughJmxClosesTheEngineConnectionWithTheReasonAndItsMBeanGoes() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("connclose")) {
            ClientConnection c = jmx.broker.defaultVirtualHost().connect("app");
            List<String> reasons = new CopyOnWriteArrayList<>();
            c.onBrokerClose(reasons::add);
            ObjectName name = jmx.names.connection("/", c.id());
            awaitRegistered(name);

            jmx.invoke(name, "close", "moved to another node");

            assertThat(c.isOpen()).isFalse();
            assertThat(c.closeReason()).isEqualTo("moved to another node");
            assertThat(reasons).containsExactly("moved to another node");
            awaitUnregistered(name);
        }
    }

    @Test
    void closeWithoutAReasonTellsTheClientAnOperatorClosedIt() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("connnoreason")) {
            ClientConnection c = jmx.broker.defaultVirtualHost().connect("app");
            ObjectName name = jmx.names.connection("/", c.id());
            awaitRegistered(name);

            jmx.invoke(name, "close", "");

            assertThat(c.closeReason()).isEqualTo("closed by an operator through JMX");
        }
    }

    @Test
    void aConnectionClosedByItsClientLosesItsMBean() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("connclient")) {
            ClientConnection c = jmx.broker.defaultVirtualHost().connect("app");
            ObjectName name = jmx.names.connection("/", c.id());
            awaitRegistered(name);

            c.close();

            awaitUnregistered(name);
            assertThatThrownBy(() -> jmx.invoke(name, "close", "late"))
                    .isInstanceOf(javax.management.InstanceNotFoundException.class);
        }
    }

    @Test
    void closingAConnectionThatIsAlreadyGoneFailsNamingIt() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("conngone")) {
            ClientConnection c = jmx.broker.defaultVirtualHost().connect("app");
            ConnectionControl control = new ConnectionControl(jmx.broker.defaultVirtualHost(), c.id());
            c.close();

            assertThatThrownBy(() -> control.close("late")).hasMessageContaining("connection '" + c.id() + "'")
                    .hasMessageContaining("NOT_FOUND");
        }
    }
}
