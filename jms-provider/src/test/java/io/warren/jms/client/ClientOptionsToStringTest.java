package io.warren.jms.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.jms.url.ConnectionUrl;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientOptionsToStringTest {

    @Test
    void printsSettingsButNeverThePassword() {
        ClientOptions options = ClientOptions.from(ConnectionUrl.parse("amqp://app:url-secret@localhost:5672/"),
                "client-1", 10, List.of("com.example"), "app", "s3cret", null);
        assertThat(options.toString())
                .contains("clientId=client-1", "prefetch=10", "user=app", "password=***", "com.example")
                .doesNotContain("s3cret", "url-secret");
    }
}
