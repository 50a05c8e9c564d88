package io.warren.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.warren.server.amqp.codec.FieldTables;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmqPlainMechanismTest {

    private final AmqPlainMechanism amqPlain = new AmqPlainMechanism();

    @Test
    void isNamedAmqPlain() {
        assertThat(amqPlain.name()).isEqualTo("AMQPLAIN");
    }

    @Test
    void readsLoginAndPasswordFromATableBody() throws Exception {
        Credentials credentials = amqPlain.parse(tableBody(Map.of("LOGIN", "bob", "PASSWORD", "s3cret")));

        assertThat(credentials.username()).isEqualTo("bob");
        assertThat(credentials.password()).containsExactly("s3cret".toCharArray());
    }

    @Test
    void ignoresOtherEntries() throws Exception {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("locale", "en_US");
        table.put("LOGIN", "bob");
        table.put("retries", 3);
        table.put("PASSWORD", "pw");

        assertThat(amqPlain.parse(tableBody(table)).username()).isEqualTo("bob");
    }

    @Test
    void refusesAResponseWithoutLogin() {
        assertMalformed(tableBody(Map.of("PASSWORD", "pw")), "no LOGIN field");
    }

    @Test
    void refusesAResponseWithoutPassword() {
        assertMalformed(tableBody(Map.of("LOGIN", "bob")), "no PASSWORD field");
    }

    @Test
    void refusesALoginThatIsNotALongString() {
        assertMalformed(tableBody(Map.of("LOGIN", 42, "PASSWORD", "pw")), "LOGIN is not a long string");
    }

    @Test
    void refusesAPasswordThatIsNotALongString() {
        assertMalformed(tableBody(Map.of("LOGIN", "bob", "PASSWORD", new byte[] {1})),
                "PASSWORD is not a long string");
    }

    @Test
    void refusesAnEmptyLogin() {
        assertMalformed(tableBody(Map.of("LOGIN", "", "PASSWORD", "pw")), "LOGIN is empty");
    }

    @Test
    void refusesAResponseThatIsNotATableBody() {
        byte[] body = tableBody(Map.of("LOGIN", "bob", "PASSWORD", "hunter2"));
        byte[] truncated = Arrays.copyOf(body, body.length - 3);

        assertMalformed(truncated, "not a field table body");
        assertThatThrownBy(() -> amqPlain.parse(truncated)).message().doesNotContain("hunter");
    }

    @Test
    void refusesAnEmptyResponse() {
        assertMalformed(new byte[0], "empty");
    }

    private void assertMalformed(byte[] response, String problem) {
        assertThatThrownBy(() -> amqPlain.parse(response))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageStartingWith("ACCESS_REFUSED - AMQPLAIN response is malformed: ")
                .hasMessageContaining(problem);
    }

    /** A table as the client sends it in connection.start-ok: without the 4-byte length prefix. */
    private static byte[] tableBody(Map<String, ?> table) {
        ByteBuf out = Unpooled.buffer();
        try {
            FieldTables.writeTable(out, table);
            out.skipBytes(4);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }
}
