package io.warren.jms.transport.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.Broker;
import io.warren.broker.management.ConnectionInfo;
import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VmConnectionDetailsTest {
    private final String name = "details-" + System.nanoTime();
    private final WarrenConnectionFactory factory = new WarrenConnectionFactory("vm://" + name + "?persistent=false");

    @AfterEach
    void stop() {
        VmBrokers.stop(name);
    }

    @Test
    void operatorsSeeInJvmConnectionsWithTheirUserAndSessions() throws Exception {
        try (Connection c = factory.createConnection("reporting", "ignored")) {
            c.setClientID("reports-1");
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            s.createConsumer(s.createQueue("orders"));
            Broker broker = VmBrokers.broker(factory);

            assertThat(broker.connections()).hasSize(1);
            ConnectionInfo info = broker.connections().get(0).info();
            assertThat(info.details().protocol()).isEqualTo("vm");
            assertThat(info.details().user()).isEqualTo("reporting");
            assertThat(info.details().clientProperties()).containsEntry("product", "Warren JMS");
            assertThat(info.channels()).anySatisfy(ch -> {
                assertThat(ch.transactional()).isTrue();
                assertThat(ch.consumers()).singleElement().satisfies(co -> assertThat(co.queue()).isEqualTo("orders"));
            });
        }
    }
}
