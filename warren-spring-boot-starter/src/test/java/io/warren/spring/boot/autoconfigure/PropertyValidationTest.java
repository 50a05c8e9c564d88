package io.warren.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.warren.jms.transport.vm.VmBrokers;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.NestedExceptionUtils;

/** A wrong {@code spring.warren} property stops the start-up with a message that names it. */
class PropertyValidationTest {
    @Test
    void aPrefetchBelowOneIsRefused() {
        assertStartUpFails("spring.warren.prefetch must be at least 1, was -1", "spring.warren.prefetch=-1");
    }

    @Test
    void anUnknownExchangeTypeIsRefused() {
        assertStartUpFails("spring.warren.exchanges[0].type is 'fanciful', expected direct, fanout, topic or headers",
                "spring.warren.exchanges[0].name=prices", "spring.warren.exchanges[0].type=fanciful");
    }

    @Test
    void anExchangeWithoutATypeIsRefused() {
        assertStartUpFails("spring.warren.exchanges[0].type must be set", "spring.warren.exchanges[0].name=prices");
    }

    @Test
    void aMalformedUrlIsRefusedWithoutShowingThePassword() {
        Throwable failure = startUpFailure("spring.warren.url=amqp://user:secret@host:99999/");

        assertThat(NestedExceptionUtils.getMostSpecificCause(failure).getMessage())
                .contains("spring.warren.url is not a Warren connection URL: invalid port '99999'")
                .doesNotContain("secret");
    }

    @Test
    void aPagingOptionOutOfRangeInTheUrlIsRefusedNamingTheOption() {
        assertStartUpFails("spring.warren.url is not a Warren connection URL: option pagingWatermark in connection URL"
                + " 'vm://boot-bad-paging?pagingWatermark=1.5' must be a fraction of the broker's memory limit, above 0"
                + " and at most 1", "spring.warren.url=vm://boot-bad-paging?pagingWatermark=1.5");
        assertThat(VmBrokers.get("boot-bad-paging")).isNull();
    }

    @Test
    void remoteModeNeedsAnAmqpUrl() {
        assertStartUpFails("spring.warren.mode is remote, which needs spring.warren.url", "spring.warren.mode=remote");
    }

    @Test
    void embeddedModeRefusesARemoteUrl() {
        assertStartUpFails("spring.warren.mode is embedded but spring.warren.url names a remote broker",
                "spring.warren.mode=embedded", "spring.warren.url=amqp://localhost:5672");
    }

    @Test
    void aBindingNeedsExactlyOneDestination() {
        assertStartUpFails("spring.warren.bindings[0].queue or spring.warren.bindings[0].destination-exchange must"
                + " be set", "spring.warren.bindings[0].exchange=amq.topic");
    }

    @Test
    void aBindingToAMissingExchangeNamesTheBindingAndLeavesNoBrokerBehind() {
        assertStartUpFails("cannot declare binding of queue 'orders' to exchange 'nowhere' of"
                        + " spring.warren.bindings[0] on embedded broker 'boot-bad-binding': exchange 'nowhere'",
                "spring.warren.embedded.name=boot-bad-binding", "spring.warren.queues[0].name=orders",
                "spring.warren.bindings[0].exchange=nowhere", "spring.warren.bindings[0].queue=orders");
        assertThat(VmBrokers.get("boot-bad-binding")).isNull();
    }

    @Test
    void remoteTopologyOnAnUnreachableBrokerNamesTheUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertStartUpFails("cannot connect to the broker at amqp://guest:***@127.0.0.1:" + port + "/ to declare",
                "spring.warren.url=amqp://guest:guest@127.0.0.1:" + port + "/",
                "spring.warren.queues[0].name=orders");
    }

    /** Some exception in the chain says {@code message}: Boot's validation error or our topology failure. */
    private static void assertStartUpFails(String message, String... properties) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = startUpFailure(properties); t != null; t = t.getCause()) {
            messages.add(t.getMessage());
        }
        assertThat(messages).anySatisfy(m -> assertThat(m).contains(message));
    }

    private static Throwable startUpFailure(String... properties) {
        Throwable failure = catchThrowable(() -> TestApplications.run(properties).close());
        assertThat(failure).as("start-up with %s", List.of(properties)).isNotNull();
        return failure;
    }
}
