package io.warren.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BrokerConfigToStringTest {

    @Test
    void printsItsSettingsNotAnObjectIdentity() {
        String text = BrokerConfig.builder("orders").dataDirectory(Path.of("data")).build().toString();
        assertThat(text).startsWith("BrokerConfig[name=orders").contains("journal in data").doesNotContain("@");
        assertThat(BrokerConfig.builder("m").build().toString()).contains("in memory").doesNotContain("@");
    }
}
