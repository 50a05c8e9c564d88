package io.warren.broker.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.Channel;
import io.warren.broker.ClientConnection;
import io.warren.broker.ConsumeOptions;
import io.warren.broker.EngineFixture;
import io.warren.broker.exchange.ExchangeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ManagementSnapshotTest {
    private final EngineFixture f = EngineFixture.start();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void exchangesListPredeclaredAndDeclaredOnesWithTheirProperties() {
        f.channel.exchangeDeclare("orders", ExchangeType.TOPIC, true, false, false, Map.of("x-k", "v"));
        List<ExchangeInfo> exchanges = f.host.exchanges();
        assertThat(exchanges).extracting(ExchangeInfo::name)
                .contains("", "amq.direct", "amq.fanout", "amq.topic", "amq.headers", "amq.match", "orders");
        assertThat(exchanges).filteredOn(e -> e.name().equals("orders")).singleElement()
                .isEqualTo(new ExchangeInfo("orders", "topic", true, false, false, Map.of("x-k", "v")));
    }

    @Test
    void bindingsListQueueAndExchangeDestinations() {
        f.channel.exchangeDeclare("e1", ExchangeType.TOPIC, true, false, false, Map.of());
        f.declare("q", Map.of());
        f.channel.queueBind("q", "e1", "a.#", Map.of());
        f.channel.exchangeBind("e1", "amq.fanout", "", Map.of());
        assertThat(f.host.allBindings()).containsExactly(
                new BindingInfo("amq.fanout", "e1", false, "", Map.of()),
                new BindingInfo("e1", "q", true, "a.#", Map.of()));
    }

    @Test
    void connectionInfoShowsDetailsChannelsAndConsumers() {
        f.connection.setDetails(new ConnectionDetails("AMQP 0-9-1", "alice", "10.0.0.7", 5555, "10.0.0.1", 5672,
                Map.of("product", "test"), 42L));
        f.declare("q", Map.of());
        f.channel.setChannelPrefetch(7);
        f.channel.consume("q", new ConsumeOptions("ctag", 3, false, false, "color = 'red'", false), d -> { });
        f.channel.setConfirmMode(true);

        ConnectionInfo info = f.broker.connection(f.connection.id()).orElseThrow().info();
        assertThat(info.virtualHost()).isEqualTo("/");
        assertThat(info.details().user()).isEqualTo("alice");
        assertThat(info.details().peerPort()).isEqualTo(5555);
        ChannelInfo ch = info.channels().get(0);
        assertThat(ch.number()).isEqualTo(f.channel.number());
        assertThat(ch.prefetch()).isEqualTo(7);
        assertThat(ch.confirm()).isTrue();
        assertThat(ch.consumers()).containsExactly(new ConsumerInfo("ctag", "q", 3, true, false, "color = 'red'"));
    }

    @Test
    void forceCloseClosesTheConnectionAndTellsTheClientWhy() {
        List<String> reasons = new CopyOnWriteArrayList<>();
        ClientConnection c = f.host.connect("victim");
        c.onBrokerClose(reasons::add);
        Channel ch = c.createChannel();
        c.forceClose("closed by an operator");
        assertThat(c.isOpen()).isFalse();
        assertThat(ch.isOpen()).isFalse();
        assertThat(reasons).containsExactly("closed by an operator");
        assertThat(f.broker.connection(c.id())).isEmpty();
    }

    @Test
    void eventsFollowQueuesExchangesConnectionsAndVirtualHosts() {
        List<String> events = new ArrayList<>();
        BrokerEventListener listener = new BrokerEventListener() {
            @Override
            public void virtualHostAdded(String virtualHost) {
                events.add("+vhost " + virtualHost);
            }

            @Override
            public void exchangeAdded(String virtualHost, String exchange) {
                events.add("+exchange " + exchange);
            }

            @Override
            public void exchangeRemoved(String virtualHost, String exchange) {
                events.add("-exchange " + exchange);
            }

            @Override
            public void queueAdded(String virtualHost, String queue) {
                events.add("+queue " + queue);
            }

            @Override
            public void queueRemoved(String virtualHost, String queue) {
                events.add("-queue " + queue);
            }

            @Override
            public void connectionOpened(String virtualHost, String connectionId) {
                events.add("+connection");
            }

            @Override
            public void connectionClosed(String virtualHost, String connectionId) {
                events.add("-connection");
            }
        };
        f.broker.addEventListener(listener);
        f.channel.exchangeDeclare("e", ExchangeType.FANOUT, false, false, false, Map.of());
        f.declare("q", Map.of());
        f.declare("q", Map.of());
        f.channel.queueDelete("q", false, false);
        f.channel.exchangeDelete("e", false);
        f.host.connect("c").close();
        f.broker.createVirtualHost("other");
        f.broker.createVirtualHost("other");
        f.broker.removeEventListener(listener);
        f.declare("unheard", Map.of());

        assertThat(events).containsExactly("+exchange e", "+queue q", "-queue q", "-exchange e", "+connection",
                "-connection", "+vhost other");
    }

    @Test
    void exclusiveQueueOfAClosedConnectionIsAnnouncedAsRemoved() {
        List<String> removed = new CopyOnWriteArrayList<>();
        f.broker.addEventListener(new BrokerEventListener() {
            @Override
            public void queueRemoved(String virtualHost, String queue) {
                removed.add(queue);
            }
        });
        ClientConnection c = f.host.connect("owner");
        c.createChannel().queueDeclare("mine", false, true, false, Map.of());
        c.close();
        assertThat(removed).containsExactly("mine");
        assertThat(f.host.queue("mine")).isEmpty();
    }
}
