package io.warren.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.ra.inbound.WarrenActivationSpec;
import io.warren.ra.testing.LogCapture;
import io.warren.ra.testing.TestBootstrapContext;
import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.Test;

/** The adapter's settings, log lines and validation messages never show a password of its connection URL. */
class PasswordsInAdapterMessagesTest {

    @Test
    void connectionSettingsPrintTheUrlWithoutItsPasswordEvenAnUnencodedOne() {
        assertThat(new ConnectionSettings("amqp://bob:s3cret@host?clientID=c1", "bob", "s3cret").toString())
                .isEqualTo("ConnectionSettings[url=amqp://bob:***@host?clientID=c1, user=bob]");
        ConnectionSettings broken = new ConnectionSettings("amqp://bob:s3cr/et@host", null, null);
        assertThat(broken.toString()).doesNotContain("s3c", "et@");
        assertThat(broken.urlProblem()).contains("amqp://bob:***@host").doesNotContain("s3c", "et@");
    }

    @Test
    void anActivationSpecWithAMalformedUrlIsRefusedWithoutShowingThePassword() {
        WarrenActivationSpec spec = new WarrenActivationSpec();
        spec.setDestination("orders");
        spec.setConnectionUrl("amqp://bob:s3cr?et@host");

        assertThatThrownBy(spec::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("connectionUrl is malformed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3c", "et@"));
    }

    @Test
    void theAdapterLogsItsSettingsWithoutThePassword() throws Exception {
        WarrenResourceAdapter ra = new WarrenResourceAdapter();
        ra.setConnectionUrl("amqp://bob:s3cret@localhost:1?trustedPackages=com.acme");
        ra.setPassword("other-s3cret");
        try (LogCapture log = new LogCapture(WarrenResourceAdapter.class);
             TestBootstrapContext bootstrap = new TestBootstrapContext()) {
            ra.start(bootstrap);
            ra.stop();

            assertThat(log.messages()).anySatisfy(m -> assertThat(m).contains("amqp://bob:***@localhost:1"));
            assertThat(log.messages()).allSatisfy(m -> assertThat(m).doesNotContain("s3cret"));
        }
    }
}
