package io.warren.benchmarks.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A benchmark target prints its URL, in its string form and in errors, without the password. */
class JmsTargetTest {

    @Test
    void aTargetPrintsItsUrlWithoutThePassword() {
        JmsTarget target = JmsTarget.parse("artemis=tcp://bob:s3cret@localhost:61616?password=s3cret");

        assertThat(target.toString()).isEqualTo("artemis at tcp://bob:***@localhost:61616?password=***");
    }

    @Test
    void aMalformedTargetIsReportedWithoutThePassword() {
        assertThatThrownBy(() -> JmsTarget.parse("hornetq=tcp://bob:s3cret@localhost"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tcp://bob:***@localhost").hasMessageNotContaining("s3cret");
    }
}
