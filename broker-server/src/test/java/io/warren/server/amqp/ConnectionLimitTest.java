package io.warren.server.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Connection;
import io.warren.server.ServerFixture;
import org.junit.jupiter.api.Test;

class ConnectionLimitTest {

    @Test
    void aConnectionBeyondConnectionMaxIsRefusedWith530AndTheFirstKeepsWorking() throws Exception {
        try (ServerFixture f = ServerFixture.start(s -> s.withMaxConnections(1))) {
            Connection first = f.connect();

            var close = ClosedBy.connectionError(() -> f.track(f.factory().newConnection()));

            assertThat(close.getReplyCode()).isEqualTo(530);
            assertThat(close.getReplyText()).contains("connection limit of 1");
            assertThat(first.createChannel().queueDeclare().getQueue()).startsWith("amq.gen-");
        }
    }
}
