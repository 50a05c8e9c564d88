package io.warren.server.management.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropertiesKeyTest {

    @Test
    void aKeyWithoutArgumentsIsTheRoutingKeyAndTheEmptyKeyATilde() {
        assertThat(PropertiesKey.of("orders.eu", Map.of())).isEqualTo("orders.eu");
        assertThat(PropertiesKey.of("", Map.of())).isEqualTo("~");
        assertThat(PropertiesKey.of("", null)).isEqualTo("~");
    }

    @Test
    void percentAndTildeInTheRoutingKeyAreEscapedSoNoKeyPassesForAnother() {
        assertThat(PropertiesKey.of("~", Map.of())).isEqualTo("%7E");
        assertThat(PropertiesKey.of("100%", Map.of())).isEqualTo("100%25");
        assertThat(PropertiesKey.of("a~x", Map.of())).isNotEqualTo(PropertiesKey.of("a", Map.of("k", "v")));
    }

    @Test
    void argumentsAddAHashThatIgnoresTheirOrderButNotTheirValues() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", Map.of("x", "y"));
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", Map.of("x", "y"));
        ba.put("a", 1);

        String key = PropertiesKey.of("k", ab);

        assertThat(key).matches("k~[A-Za-z0-9_-]{11}");
        assertThat(PropertiesKey.of("k", ba)).isEqualTo(key);
        assertThat(PropertiesKey.of("k", Map.of("a", 2, "b", Map.of("x", "y")))).isNotEqualTo(key);
        assertThat(PropertiesKey.of("k", Map.of("a", 1L, "b", Map.of("x", "y")))).as("same JSON").isEqualTo(key);
    }
}
