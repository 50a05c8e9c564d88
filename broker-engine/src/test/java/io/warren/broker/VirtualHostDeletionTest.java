package io.warren.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.exchange.ExchangeType;
import io.warren.broker.management.BrokerEventListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VirtualHostDeletionTest {
    @TempDir
    Path dir;

    @Test
    void deletingAVirtualHostClosesItsConnectionsAndRemovesItsDurableStateForGood() {
        List<String> reasons = new CopyOnWriteArrayList<>();
        List<String> events = new CopyOnWriteArrayList<>();
        try (Broker broker = Broker.start(RestartNode.config(dir))) {
            broker.addEventListener(new BrokerEventListener() {
                @Override
                public void virtualHostRemoved(String virtualHost) {
                    events.add("-vhost " + virtualHost);
                }

                @Override
                public void queueRemoved(String virtualHost, String queue) {
                    events.add("-queue " + queue);
                }
            });
            VirtualHost orders = broker.createVirtualHost("orders");
            ClientConnection c = orders.connect("app");
            c.onBrokerClose(reasons::add);
            Channel ch = c.createChannel();
            ch.exchangeDeclare("events", ExchangeType.TOPIC, true, false, false, Map.of());
            ch.queueDeclare("q", true, false, false, Map.of());
            ch.queueBind("q", "events", "#", Map.of());
            ch.publish("", "q", RestartNode.persistent("kept until the vhost goes").build()).join();
            broker.defaultVirtualHost().connect("other").createChannel().queueDeclare("q", true, false, false, Map.of());

            broker.deleteVirtualHost("orders");

            assertThat(c.isOpen()).isFalse();
            assertThat(reasons).containsExactly("virtual host 'orders' was deleted");
            assertThat(broker.virtualHostNames()).doesNotContain("orders");
            assertThat(events).containsExactly("-queue q", "-vhost orders");
            assertThatThrownBy(() -> broker.virtualHost("orders")).isInstanceOf(BrokerException.class);
        }
        try (Broker again = Broker.start(RestartNode.config(dir))) {
            assertThat(again.virtualHostNames()).containsExactly("/");
            assertThat(again.defaultVirtualHost().hasQueue("q")).isTrue();
            VirtualHost recreated = again.createVirtualHost("orders");
            assertThat(recreated.hasQueue("q")).isFalse();
            assertThat(recreated.hasExchange("events")).isFalse();
        }
    }

    @Test
    void theDefaultVirtualHostCannotBeDeletedAndAnUnknownOneIsNotFound() {
        try (EngineFixture f = EngineFixture.start()) {
            assertThatThrownBy(() -> f.broker.deleteVirtualHost("/"))
                    .isInstanceOfSatisfying(BrokerException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_REFUSED))
                    .hasMessageContaining("'/' cannot be deleted");
            assertThatThrownBy(() -> f.broker.deleteVirtualHost("nowhere"))
                    .isInstanceOfSatisfying(BrokerException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        }
    }
}
