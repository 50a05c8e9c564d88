package io.warren.selector;

import static io.warren.selector.Truth.FALSE;
import static io.warren.selector.Truth.TRUE;
import static io.warren.selector.Truth.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The truth tables of Jakarta Messaging 3.1, 3.8.1.2, with {@code t}, {@code f} and {@code u} standing for TRUE,
 * FALSE and UNKNOWN: {@code t} and {@code f} are boolean properties, {@code u} is absent; and the same tables
 * with comparisons ({@code p = 1} TRUE, {@code p = 2} FALSE, {@code q = 1} UNKNOWN) as operands.
 */
class SelectorThreeValuedLogicTest {
    private static final Map<String, Object> PROPERTIES = Map.of("t", true, "f", false, "p", 1);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "t AND t, TRUE", "t AND f, FALSE", "t AND u, UNKNOWN",
            "f AND t, FALSE", "f AND f, FALSE", "f AND u, FALSE",
            "u AND t, UNKNOWN", "u AND f, FALSE", "u AND u, UNKNOWN",
            "t OR t, TRUE", "t OR f, TRUE", "t OR u, TRUE",
            "f OR t, TRUE", "f OR f, FALSE", "f OR u, UNKNOWN",
            "u OR t, TRUE", "u OR f, UNKNOWN", "u OR u, UNKNOWN",
            "NOT t, FALSE", "NOT f, TRUE", "NOT u, UNKNOWN",
            "t AND t AND u, UNKNOWN", "t AND u AND f, FALSE", "f OR u OR t, TRUE", "f OR f OR u, UNKNOWN",
            "NOT (t AND u), UNKNOWN", "NOT (f AND u), TRUE", "NOT (t OR u), FALSE",
            "u IS NULL, TRUE", "NOT u IS NULL, FALSE",
    })
    void booleanOperands(String selector, Truth expected) {
        assertThat(Truth.of(selector, PROPERTIES)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "p = 1 AND p = 1, TRUE", "p = 1 AND p = 2, FALSE", "p = 1 AND q = 1, UNKNOWN",
            "p = 2 AND p = 1, FALSE", "p = 2 AND p = 2, FALSE", "p = 2 AND q = 1, FALSE",
            "q = 1 AND p = 1, UNKNOWN", "q = 1 AND p = 2, FALSE", "q = 1 AND q = 1, UNKNOWN",
            "p = 1 OR p = 1, TRUE", "p = 1 OR p = 2, TRUE", "p = 1 OR q = 1, TRUE",
            "p = 2 OR p = 1, TRUE", "p = 2 OR p = 2, FALSE", "p = 2 OR q = 1, UNKNOWN",
            "q = 1 OR p = 1, TRUE", "q = 1 OR p = 2, UNKNOWN", "q = 1 OR q = 1, UNKNOWN",
            "NOT p = 1, FALSE", "NOT p = 2, TRUE", "NOT q = 1, UNKNOWN",
            "p = 2 AND p / 0 = 1, FALSE", "p = 1 OR p / 0 = 1, TRUE", "NOT p / 0 = 1, UNKNOWN",
    })
    void comparisonOperands(String selector, Truth expected) {
        assertThat(Truth.of(selector, PROPERTIES)).isEqualTo(expected);
    }
}
