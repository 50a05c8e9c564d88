package io.warren.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiPathTest {

    @Test
    void theDefaultVhostSlashIsPercent2F() {
        assertThat(ApiPath.of("queues", "/", "orders").value()).isEqualTo("/api/queues/%2F/orders");
    }

    @Test
    void aSpaceIsPercent20NeverPlus() {
        assertThat(ApiPath.encode("a b+c")).isEqualTo("a%20b%2Bc");
    }

    @Test
    void aConnectionNameStaysOneSegment() {
        assertThat(ApiPath.encode("127.0.0.1:50000 -> 127.0.0.1:5672"))
                .isEqualTo("127.0.0.1%3A50000%20-%3E%20127.0.0.1%3A5672");
    }

    @Test
    void nonAsciiIsEncodedAsUtf8() {
        assertThat(ApiPath.encode("qü€")).isEqualTo("q%C3%BC%E2%82%AC");
    }

    @Test
    void unreservedCharactersStayAsTheyAre() {
        assertThat(ApiPath.encode("Az09-._~")).isEqualTo("Az09-._~");
    }

    @Test
    void theDefaultExchangeIsAmqDefaultInPaths() {
        assertThat(ApiPath.exchange("")).isEqualTo("amq.default");
        assertThat(ApiPath.exchange("amq.topic")).isEqualTo("amq.topic");
    }

    @Test
    void queryParametersAreJoinedWithAmpersands() {
        assertThat(ApiPath.of("queues", "/", "q").withQuery("if-empty", "true").withQuery("if-unused", "true").value())
                .isEqualTo("/api/queues/%2F/q?if-empty=true&if-unused=true");
    }
}
