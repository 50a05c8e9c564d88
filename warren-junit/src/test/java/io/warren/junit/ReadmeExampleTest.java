package io.warren.junit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's example, as it is printed there. */
class ReadmeExampleTest {
    @RegisterExtension
    static final WarrenExtension warren = WarrenExtension.builder().queue("orders").build();

    @Test
    void placedOrdersAreQueued(ConnectionFactory factory) {
        try (JMSContext context = factory.createContext()) {
            context.createProducer().send(context.createQueue("orders"), "order 42");
        }

        assertThat(warren.queueDepth("orders")).isEqualTo(1);
        assertThat(warren.receiveText("orders", Duration.ofSeconds(5))).isEqualTo("order 42");
    }
}
