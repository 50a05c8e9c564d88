package io.warren.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BrokerShutdownTest {
    @Test
    void stoppingTheBrokerClosesConnectionsAndTellsThemWhy() {
        EngineFixture f = EngineFixture.start();
        AtomicReference<String> reason = new AtomicReference<>();
        f.connection.onBrokerClose(reason::set);
        f.channel.queueDeclare("q", false, false, false, Map.of());
        f.broker.close();
        assertThat(reason.get()).contains("stopped");
        assertThat(f.connection.isOpen()).isFalse();
        assertThatThrownBy(() -> f.channel.publish("", "q", EngineFixture.text("x")))
                .isInstanceOf(BrokerException.class).hasMessageContaining("stopped");
        assertThatThrownBy(() -> f.host.connect("late")).isInstanceOf(BrokerException.class)
                .hasMessageContaining("stopped");
    }

    @Test
    void aClientCloseIsNotReportedAsABrokerClose() {
        try (EngineFixture f = EngineFixture.start()) {
            AtomicReference<String> reason = new AtomicReference<>();
            f.connection.onBrokerClose(reason::set);
            f.connection.close();
            assertThat(reason.get()).isNull();
        }
    }
}
