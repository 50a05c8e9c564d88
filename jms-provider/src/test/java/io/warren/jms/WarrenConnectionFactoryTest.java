package io.warren.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.jms.client.ClientOptions;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import org.junit.jupiter.api.Test;

/** What a factory does with URLs and settings it cannot use, and how it prints itself. */
class WarrenConnectionFactoryTest {

    @Test
    void aPrefetchOfZeroFailsWhenTheFactoryIsMadeNotWhenItConnects() {
        assertThatThrownBy(() -> new WarrenConnectionFactory("vm://factory-test?prefetch=0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("option prefetch").hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new WarrenConnectionFactory().setPrefetch(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefetch must be at least 1, was 0");
    }

    @Test
    void optionsThatTurnOutUnusableWhenConnectingFailWithAJmsExceptionNotAnIllegalArgumentException() {
        WarrenConnectionFactory lax = new WarrenConnectionFactory("vm://factory-test") {
            @Override
            public ClientOptions options() {
                throw new IllegalArgumentException(ClientOptions.prefetchProblem(0));
            }
        };

        assertThatThrownBy(lax::createConnection).isInstanceOf(JMSException.class)
                .hasMessageContaining("prefetch must be at least 1, was 0");
        assertThatThrownBy(lax::createContext).isInstanceOf(JMSRuntimeException.class)
                .hasMessageContaining("prefetch must be at least 1, was 0");
    }

    @Test
    void neitherTheFactoryNorItsUrlErrorsShowThePassword() {
        WarrenConnectionFactory factory = new WarrenConnectionFactory("amqp://app:s3c%2Fret@localhost");
        assertThat(factory.toString()).isEqualTo("WarrenConnectionFactory[amqp://app:***@localhost]");
        assertThatThrownBy(() -> new WarrenConnectionFactory("amqp://app:s3c/ret@localhost"))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3c", "ret"));
    }
}
