package io.warren.broker.management.jmx;

import static io.warren.broker.management.jmx.PlatformJmx.SERVER;
import static io.warren.broker.management.jmx.PlatformJmx.awaitRegistered;
import static io.warren.broker.management.jmx.PlatformJmx.awaitUnregistered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.Channel;
import io.warren.broker.VirtualHost;
import io.warren.broker.exchange.ExchangeType;
import io.warren.message.Message;
import java.util.Map;
import javax.management.MBeanException;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

class VirtualHostAndExchangeMBeanTest {

    @Test
    void virtualHostMBeanCountsQueuesExchangesConnectionsAndMessages() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("vhost")) {
            VirtualHost host = jmx.broker.defaultVirtualHost();
            Channel ch = host.connect("app").createChannel();
            ch.queueDeclare("a", false, false, false, null);
            ch.queueDeclare("b", false, false, false, null);
            ch.publish("", "a", Message.builder().build()).join();
            ch.publish("", "b", Message.builder().build()).join();
            ch.publish("", "b", Message.builder().build()).join();
            ch.get("b", false, null);
            ObjectName name = new ObjectName("io.warren:type=Broker,name=" + jmx.broker.name() + ",vhost=/");

            assertThat(jmx.attribute(name, "Name")).isEqualTo("/");
            assertThat(jmx.attribute(name, "QueueCount")).isEqualTo(2);
            assertThat(jmx.attribute(name, "ExchangeCount")).isEqualTo(host.exchanges().size());
            assertThat(jmx.attribute(name, "ConnectionCount")).isEqualTo(1);
            assertThat(jmx.attribute(name, "MessagesReady")).isEqualTo(2L);
            assertThat(jmx.attribute(name, "MessagesUnacknowledged")).isEqualTo(1L);
            assertThat((String[]) jmx.attribute(name, "QueueNames")).containsExactly("a", "b");
        }
    }

    @Test
    void queuesAndExchangesCreatedAndDeletedThroughTheVirtualHostComeAndGoWithTheirMBeans() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("vhostops")) {
            VirtualHost host = jmx.broker.defaultVirtualHost();
            ObjectName vhost = jmx.names.virtualHost("/");

            jmx.invoke(vhost, "createQueue", "orders", true);
            jmx.invoke(vhost, "createExchange", "events", "topic", true);

            assertThat(host.queueInfo("orders").durable()).isTrue();
            assertThat(host.exchangeType("events")).isEqualTo(ExchangeType.TOPIC);
            awaitRegistered(jmx.names.queue("/", "orders"));
            awaitRegistered(jmx.names.exchange("/", "events"));

            assertThat(jmx.invoke(vhost, "deleteQueue", "orders")).isEqualTo(0);
            jmx.invoke(vhost, "deleteExchange", "events");

            assertThat(host.hasQueue("orders")).isFalse();
            assertThat(host.hasExchange("events")).isFalse();
            awaitUnregistered(jmx.names.queue("/", "orders"));
            awaitUnregistered(jmx.names.exchange("/", "events"));
        }
    }

    @Test
    void aDeletedVirtualHostTakesTheMBeansOfEverythingInItAlong() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("vhostgone")) {
            VirtualHost orders = jmx.broker.createVirtualHost("orders");
            Channel ch = orders.connect("app").createChannel();
            ch.queueDeclare("q", true, false, false, null);
            ch.exchangeDeclare("events", ExchangeType.FANOUT, true, false, false, Map.of());
            awaitRegistered(jmx.names.queue("orders", "q"));
            awaitRegistered(jmx.names.exchange("orders", "events"));

            jmx.broker.deleteVirtualHost("orders");

            awaitUnregistered(jmx.names.virtualHost("orders"));
            awaitUnregistered(jmx.names.queue("orders", "q"));
            awaitUnregistered(jmx.names.exchange("orders", "events"));
            awaitUnregistered(jmx.names.exchange("orders", "amq.topic"));
            assertThat(SERVER.isRegistered(jmx.names.virtualHost("/"))).isTrue();
        }
    }

    @Test
    void virtualHostOperationsFailWithTheEnginesReason() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("vhostbad")) {
            ObjectName vhost = jmx.names.virtualHost("/");

            assertThatThrownBy(() -> jmx.invoke(vhost, "createExchange", "x", "sideways", false))
                    .isInstanceOf(MBeanException.class).hasMessageContaining("unknown exchange type 'sideways'");
            assertThatThrownBy(() -> jmx.invoke(vhost, "createQueue", "amq.mine", false))
                    .isInstanceOf(MBeanException.class).hasMessageContaining("ACCESS_REFUSED");
            assertThatThrownBy(() -> jmx.invoke(vhost, "deleteQueue", "nothing"))
                    .isInstanceOf(MBeanException.class).hasMessageContaining("queue 'nothing'")
                    .hasMessageContaining("NOT_FOUND");
            assertThatThrownBy(() -> jmx.invoke(vhost, "deleteExchange", "amq.topic"))
                    .isInstanceOf(MBeanException.class).hasMessageContaining("belongs to the broker");
        }
    }

    @Test
    void exchangeMBeanShowsTypeFlagsArgumentsAndBindings() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("exchange")) {
            VirtualHost host = jmx.broker.defaultVirtualHost();
            host.exchangeDeclare("events", ExchangeType.TOPIC, true, false, false,
                    Map.of("alternate-exchange", "amq.fanout"));
            host.queueDeclare(null, "eu", false, false, false, null);
            host.queueBind(null, "eu", "events", "eu.#", null);
            host.queueBind(null, "eu", "amq.direct", "eu", null);
            ObjectName name = new ObjectName("io.warren:type=Broker,name=" + jmx.broker.name()
                    + ",vhost=/,component=exchanges,exchange=events");
            awaitRegistered(name);

            assertThat(jmx.attribute(name, "Type")).isEqualTo("topic");
            assertThat(jmx.attribute(name, "Durable")).isEqualTo(true);
            assertThat(jmx.attribute(name, "AutoDelete")).isEqualTo(false);
            assertThat(jmx.attribute(name, "Internal")).isEqualTo(false);
            TabularData args = (TabularData) jmx.attribute(name, "Arguments");
            assertThat(args.get(new Object[] {"alternate-exchange"}).get("value")).isEqualTo("amq.fanout");
            assertThat(jmx.attribute(name, "BindingCount")).isEqualTo(1);
            CompositeData[] bindings = (CompositeData[]) jmx.attribute(name, "Bindings");
            assertThat(bindings).hasSize(1);
            assertThat(bindings[0].get("destination")).isEqualTo("eu");
            assertThat(bindings[0].get("destinationType")).isEqualTo("queue");
            assertThat(bindings[0].get("routingKey")).isEqualTo("eu.#");

            CompositeData[] all = (CompositeData[]) jmx.invoke(jmx.names.virtualHost("/"), "listBindings");
            assertThat(all).extracting(b -> b.get("source")).containsExactly("amq.direct", "events");
        }
    }

    @Test
    void theDefaultExchangeAppearsAsAmqDefault() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("default")) {
            ObjectName name = new ObjectName("io.warren:type=Broker,name=" + jmx.broker.name()
                    + ",vhost=/,component=exchanges,exchange=\"amq.default\"");

            assertThat(SERVER.isRegistered(name)).isTrue();
            assertThat(jmx.attribute(name, "Name")).isEqualTo("");
            assertThat(jmx.attribute(name, "Type")).isEqualTo("direct");
            assertThat(PlatformJmx.keyValues(jmx.names.component("/", "exchanges"), "exchange"))
                    .contains("amq.default", "amq.direct", "amq.fanout", "amq.topic", "amq.headers", "amq.match");
        }
    }

    @Test
    void namesWithCharactersObjectNamesReserveAreQuotedAndStillFoundByTheirValue() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("quoted")) {
            jmx.broker.createVirtualHost("shop eu");
            VirtualHost host = jmx.broker.virtualHost("shop eu");
            host.queueDeclare(null, "orders,priority=high", false, false, false, null);
            ObjectName name = new ObjectName("io.warren:type=Broker,name=" + jmx.broker.name()
                    + ",vhost=\"shop eu\",component=queues,queue=" + ObjectName.quote("orders,priority=high"));

            awaitRegistered(name);
            awaitRegistered(jmx.names.virtualHost("shop eu"));

            assertThat(jmx.attribute(name, "Name")).isEqualTo("orders,priority=high");
            assertThat(jmx.attribute(name, "VirtualHost")).isEqualTo("shop eu");
        }
    }
}
