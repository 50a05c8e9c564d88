package io.warren.broker.management.jmx;

import static io.warren.broker.management.jmx.PlatformJmx.SERVER;
import static io.warren.broker.management.jmx.PlatformJmx.awaitRegistered;
import static io.warren.broker.management.jmx.PlatformJmx.awaitUnregistered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.Channel;
import io.warren.broker.Delivery;
import io.warren.broker.VirtualHost;
import io.warren.message.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.MBeanException;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

class QueueMBeanTest {

    private static Message text(int i) {
        return Message.builder().messageId("m" + i).body(("message " + i).getBytes(StandardCharsets.UTF_8)).build();
    }

    private static void publish(Channel ch, String queue, int count) {
        for (int i = 1; i <= count; i++) {
            ch.publish("", queue, text(i)).join();
        }
    }

    @Test
    void aDeclaredQueueAppearsUnderItsNameWithItsReadyCount() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("queue")) {
            Channel ch = jmx.broker.defaultVirtualHost().connect("app").createChannel();
            ch.queueDeclare("orders", true, false, false, Map.of("x-max-length", 100));
            ObjectName name = new ObjectName("io.warren:type=Broker,name=" + jmx.broker.name()
                    + ",vhost=/,component=queues,queue=orders");
            awaitRegistered(name);

            publish(ch, "orders", 3);

            assertThat(jmx.attribute(name, "Ready")).isEqualTo(3);
            assertThat(jmx.attribute(name, "Messages")).isEqualTo(3L);
            assertThat(jmx.attribute(name, "Unacknowledged")).isEqualTo(0);
            assertThat(jmx.attribute(name, "Published")).isEqualTo(3L);
            assertThat(jmx.attribute(name, "ReadyBytes")).isEqualTo(27L);
            assertThat(jmx.attribute(name, "Durable")).isEqualTo(true);
            assertThat(jmx.attribute(name, "Exclusive")).isEqualTo(false);
            assertThat(jmx.attribute(name, "VirtualHost")).isEqualTo("/");
            TabularData args = (TabularData) jmx.attribute(name, "Arguments");
            assertThat(args.get(new Object[] {"x-max-length"}).get("value")).isEqualTo("100");

            Delivery d = ch.get("orders", false, null);
            assertThat(jmx.attribute(name, "Unacknowledged")).isEqualTo(1);
            assertThat(jmx.attribute(name, "Delivered")).isEqualTo(1L);
            ch.ack(d.deliveryTag(), false);
            assertThat(jmx.attribute(name, "Acknowledged")).isEqualTo(1L);
        }
    }

    @Test
    void purgeEmptiesTheQueueAndReturnsHowMany() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("purge")) {
            Channel ch = jmx.broker.defaultVirtualHost().connect("app").createChannel();
            ch.queueDeclare("orders", false, false, false, null);
            publish(ch, "orders", 5);
            ObjectName name = jmx.names.queue("/", "orders");
            awaitRegistered(name);

            assertThat(jmx.invoke(name, "purge")).isEqualTo(5);

            assertThat(jmx.attribute(name, "Ready")).isEqualTo(0);
            assertThat(jmx.broker.defaultVirtualHost().queueInfo("orders").messageCount()).isZero();
        }
    }

    @Test
    void moveMessagesMovesExactlyTheGivenNumberKeepingBodyHeadersPersistenceAndPriority() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("move")) {
            VirtualHost host = jmx.broker.defaultVirtualHost();
            Channel ch = host.connect("app").createChannel();
            ch.queueDeclare("source", true, false, false, Map.of("x-max-priority", 9));
            ch.queueDeclare("target", true, false, false, Map.of("x-max-priority", 9));
            for (int i = 1; i <= 5; i++) {
                ch.publish("", "source", Message.builder().messageId("m" + i).correlationId("c" + i).type("order")
                        .persistent(true).priority(4).header("region", "eu").header("n", i)
                        .body(("body " + i).getBytes(StandardCharsets.UTF_8)).build()).join();
            }
            ObjectName name = jmx.names.queue("/", "source");
            awaitRegistered(name);

            assertThat(jmx.invoke(name, "moveMessages", "target", 3)).isEqualTo(3);

            assertThat(host.queueInfo("source").messageCount()).isEqualTo(2);
            assertThat(host.queueInfo("target").messageCount()).isEqualTo(3);
            List<Message> moved = new ArrayList<>();
            for (Delivery d; (d = ch.get("target", true, null)) != null; ) {
                moved.add(d.message());
            }
            assertThat(moved).extracting(Message::messageId).containsExactly("m1", "m2", "m3");
            Message first = moved.get(0);
            assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("body 1");
            assertThat(first.headers()).containsEntry("region", "eu").containsEntry("n", 1);
            assertThat(first.persistent()).isTrue();
            assertThat(first.priority()).isEqualTo(4);
            assertThat(first.correlationId()).isEqualTo("c1");
            assertThat(first.type()).isEqualTo("order");
            assertThat(ch.get("source", true, null).message().messageId()).isEqualTo("m4");
            assertThat(host.queueInfo("source").unacknowledgedCount()).isZero();
        }
    }

    @Test
    void moveMessagesWithASelectorMovesOnlyTheSelectedOnes() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("moveselect")) {
            VirtualHost host = jmx.broker.defaultVirtualHost();
            Channel ch = host.connect("app").createChannel();
            ch.queueDeclare("source", false, false, false, null);
            ch.queueDeclare("target", false, false, false, null);
            for (int i = 1; i <= 6; i++) {
                ch.publish("", "source", Message.builder().messageId("m" + i)
                        .header("colour", i % 2 == 0 ? "red" : "blue").build()).join();
            }
            ObjectName name = jmx.names.queue("/", "source");
            awaitRegistered(name);

            assertThat(jmx.invoke(name, "moveMessages", "target", "colour = 'red'", 10)).isEqualTo(3);

            assertThat(ch.browse("target", null)).extracting(Message::messageId).containsExactly("m2", "m4", "m6");
            assertThat(ch.browse("source", null)).extracting(Message::messageId).containsExactly("m1", "m3", "m5");
        }
    }

    @Test
    void moveMessagesToAMissingQueueFailsClearlyAndMovesNothing() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("movemissing")) {
            VirtualHost host = jmx.broker.defaultVirtualHost();
            Channel ch = host.connect("app").createChannel();
            ch.queueDeclare("source", false, false, false, null);
            publish(ch, "source", 4);
            ObjectName name = jmx.names.queue("/", "source");
            awaitRegistered(name);

            assertThatThrownBy(() -> jmx.invoke(name, "moveMessages", "nowhere", 2))
                    .isInstanceOf(MBeanException.class)
                    .hasMessageContaining("target queue 'nowhere' in virtual host '/' not found: nothing was moved");

            assertThat(host.queueInfo("source").messageCount()).isEqualTo(4);
            assertThat(host.queueInfo("source").unacknowledgedCount()).isZero();
            assertThat(ch.browse("source", null)).extracting(Message::messageId)
                    .containsExactly("m1", "m2", "m3", "m4");
        }
    }

    @Test
    void moveMessagesIntoAFullQueueStopsSayingHowManyMovedAndKeepsTheRestInTheSource() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("movefull")) {
            VirtualHost host = jmx.broker.defaultVirtualHost();
            Channel ch = host.connect("app").createChannel();
            ch.queueDeclare("source", false, false, false, null);
            ch.queueDeclare("target", false, false, false, Map.of("x-max-length", 2, "x-overflow", "reject-publish"));
            publish(ch, "source", 5);
            ObjectName name = jmx.names.queue("/", "source");
            awaitRegistered(name);

            assertThatThrownBy(() -> jmx.invoke(name, "moveMessages", "target", 5))
                    .isInstanceOf(MBeanException.class).hasMessageContaining("moved 2 message(s)")
                    .hasMessageContaining("RESOURCE_ERROR");

            assertThat(ch.browse("target", null)).extracting(Message::messageId).containsExactly("m1", "m2");
            assertThat(ch.browse("source", null)).extracting(Message::messageId).containsExactly("m3", "m4", "m5");
            assertThat(host.queueInfo("source").unacknowledgedCount()).isZero();
        }
    }

    @Test
    void listMessagesPageTwoOfSizeTenHoldsMessagesElevenToTwentyInQueueOrder() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("list")) {
            Channel ch = jmx.broker.defaultVirtualHost().connect("app").createChannel();
            ch.queueDeclare("orders", false, false, false, null);
            publish(ch, "orders", 25);
            ObjectName name = jmx.names.queue("/", "orders");
            awaitRegistered(name);

            CompositeData[] page = (CompositeData[]) jmx.invoke(name, "listMessages", 2, 10);

            assertThat(page).extracting(m -> m.get("messageId"))
                    .containsExactly("m11", "m12", "m13", "m14", "m15", "m16", "m17", "m18", "m19", "m20");
            assertThat(page[0].get("bodyPreview")).isEqualTo("message 11");
            assertThat(page[0].get("bodySize")).isEqualTo(10);
            assertThat((CompositeData[]) jmx.invoke(name, "listMessages", 3, 10)).hasSize(5);
            assertThat((CompositeData[]) jmx.invoke(name, "listMessages", 4, 10)).isEmpty();
            assertThat(jmx.attribute(name, "Ready")).isEqualTo(25);
        }
    }

    @Test
    void listMessagesShowsJmsHeadersPropertiesAndAPreviewOfTheBody() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("listheaders")) {
            Channel ch = jmx.broker.defaultVirtualHost().connect("app").createChannel();
            ch.queueDeclare("orders", false, false, false, null);
            ch.publish("", "orders", Message.builder().messageId("ID:1").correlationId("c-9").type("invoice")
                    .priority(7).timestamp(1_000).expiration(4_102_444_800_000L).persistent(true)
                    .header("region", "eu").header("amount", 12.5)
                    .body("é".repeat(300).getBytes(StandardCharsets.UTF_8)).build()).join();
            ch.publish("", "orders", Message.builder().messageId("ID:2").body(new byte[] {(byte) 0xff, 0, 1}).build())
                    .join();
            ObjectName name = jmx.names.queue("/", "orders");
            awaitRegistered(name);

            CompositeData[] page = (CompositeData[]) jmx.invoke(name, "listMessages", 1, 10);

            CompositeData m = page[0];
            assertThat(m.get("messageId")).isEqualTo("ID:1");
            assertThat(m.get("correlationId")).isEqualTo("c-9");
            assertThat(m.get("type")).isEqualTo("invoice");
            assertThat(m.get("priority")).isEqualTo(7);
            assertThat(m.get("timestamp")).isEqualTo(1_000L);
            assertThat(m.get("expiration")).isEqualTo(4_102_444_800_000L);
            assertThat(m.get("persistent")).isEqualTo(true);
            assertThat(m.get("bodySize")).isEqualTo(600);
            assertThat((String) m.get("bodyPreview")).isEqualTo("é".repeat(256) + "…");
            TabularData properties = (TabularData) m.get("properties");
            assertThat(properties.get(new Object[] {"region"}).get("value")).isEqualTo("eu");
            assertThat(properties.get(new Object[] {"amount"}).get("value")).isEqualTo("12.5");
            assertThat(page[1].get("bodyPreview")).isEqualTo("0xff0001");
            assertThat(page[1].get("correlationId")).isEqualTo("");
        }
    }

    @Test
    void listMessagesRefusesAPageOutsideItsLimits() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("listbad")) {
            jmx.broker.defaultVirtualHost().queueDeclare(null, "orders", false, false, false, null);
            ObjectName name = jmx.names.queue("/", "orders");
            awaitRegistered(name);

            assertThatThrownBy(() -> jmx.invoke(name, "listMessages", 0, 10)).isInstanceOf(MBeanException.class)
                    .hasMessageContaining("pages start at 1");
            assertThatThrownBy(() -> jmx.invoke(name, "listMessages", 1, 5000)).isInstanceOf(MBeanException.class)
                    .hasMessageContaining("1 to 1000 messages");
        }
    }

    @Test
    void countMessagesCountsWhatTheSelectorSelects() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("count")) {
            Channel ch = jmx.broker.defaultVirtualHost().connect("app").createChannel();
            ch.queueDeclare("orders", false, false, false, null);
            for (int i = 1; i <= 7; i++) {
                ch.publish("", "orders", Message.builder().header("n", i).build()).join();
            }
            ObjectName name = jmx.names.queue("/", "orders");
            awaitRegistered(name);

            assertThat(jmx.invoke(name, "countMessages", "n > 4")).isEqualTo(3);
            assertThat(jmx.invoke(name, "countMessages", new Object[] {null})).isEqualTo(7);
            assertThatThrownBy(() -> jmx.invoke(name, "countMessages", "n >")).isInstanceOf(MBeanException.class)
                    .hasMessageContaining("SYNTAX_ERROR");
        }
    }

    @Test
    void aDeletedQueuesMBeanGoes() throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("delete")) {
            VirtualHost host = jmx.broker.defaultVirtualHost();
            host.queueDeclare(null, "by-engine", false, false, false, null);
            host.queueDeclare(null, "by-jmx", false, false, false, null);
            awaitRegistered(jmx.names.queue("/", "by-engine"));
            awaitRegistered(jmx.names.queue("/", "by-jmx"));

            host.queueDelete(null, "by-engine", false, false);
            jmx.invoke(jmx.names.queue("/", "by-jmx"), "delete");

            awaitUnregistered(jmx.names.queue("/", "by-engine"));
            awaitUnregistered(jmx.names.queue("/", "by-jmx"));
            assertThat(host.hasQueue("by-jmx")).isFalse();
            assertThat(SERVER.isRegistered(jmx.names.virtualHost("/"))).isTrue();
        }
    }
}
