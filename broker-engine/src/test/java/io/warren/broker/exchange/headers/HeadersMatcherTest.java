package io.warren.broker.exchange.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.BrokerException;
import io.warren.broker.ErrorCode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeadersMatcherTest {

    @Test
    void allRequiresEveryEntry() {
        HeadersMatcher matcher = matcher("x-match", "all", "format", "pdf", "type", "report");

        assertThat(matcher.matches(Map.of("format", "pdf", "type", "report"))).isTrue();
        assertThat(matcher.matches(Map.of("format", "pdf", "type", "report", "extra", 1))).isTrue();
        assertThat(matcher.matches(Map.of("format", "pdf", "type", "log"))).isFalse();
        assertThat(matcher.matches(Map.of("format", "pdf"))).isFalse();
        assertThat(matcher.matches(Map.of())).isFalse();
        assertThat(matcher.matches(null)).isFalse();
    }

    @Test
    void missingXMatchMeansAll() {
        HeadersMatcher matcher = matcher("format", "pdf", "type", "report");

        assertThat(matcher.matches(Map.of("format", "pdf", "type", "report"))).isTrue();
        assertThat(matcher.matches(Map.of("format", "pdf"))).isFalse();
    }

    @Test
    void anyRequiresOneEntry() {
        HeadersMatcher matcher = matcher("x-match", "any", "format", "pdf", "type", "report");

        assertThat(matcher.matches(Map.of("format", "pdf"))).isTrue();
        assertThat(matcher.matches(Map.of("type", "report", "format", "zip"))).isTrue();
        assertThat(matcher.matches(Map.of("format", "zip", "type", "log"))).isFalse();
        assertThat(matcher.matches(Map.of("other", "pdf"))).isFalse();
        assertThat(matcher.matches(Map.of())).isFalse();
        assertThat(matcher.matches(null)).isFalse();
    }

    @Test
    void emptyMatchSetMatchesEverythingForAllAndNothingForAny() {
        assertThat(HeadersMatcher.fromBindingArguments(null).matches(null)).isTrue();
        assertThat(HeadersMatcher.fromBindingArguments(Map.of()).matches(Map.of("a", 1))).isTrue();
        assertThat(matcher("x-match", "all").matches(Map.of())).isTrue();
        assertThat(matcher("x-match", "all-with-x").matches(null)).isTrue();
        assertThat(matcher("x-match", "any").matches(Map.of("a", 1))).isFalse();
        assertThat(matcher("x-match", "any-with-x").matches(Map.of("a", 1))).isFalse();
    }

    @Test
    void allAndAnyIgnoreXKeys() {
        HeadersMatcher all = matcher("x-match", "all", "x-trace", "on", "a", 1);
        HeadersMatcher any = matcher("x-match", "any", "x-trace", "on", "a", 1);
        HeadersMatcher onlyX = matcher("x-match", "any", "x-trace", "on");

        assertThat(all.matches(Map.of("a", 1))).isTrue();
        assertThat(any.matches(Map.of("x-trace", "on"))).isFalse();
        assertThat(any.matches(Map.of("a", 1))).isTrue();
        assertThat(onlyX.matches(Map.of("x-trace", "on"))).isFalse();
        assertThat(matcher("x-match", "all", "x-trace", "on").matches(Map.of())).isTrue();
    }

    @Test
    void withXModesUseXKeys() {
        HeadersMatcher all = matcher("x-match", "all-with-x", "x-trace", "on", "a", 1);
        HeadersMatcher any = matcher("x-match", "any-with-x", "x-trace", "on", "a", 1);

        assertThat(all.matches(Map.of("a", 1))).isFalse();
        assertThat(all.matches(Map.of("a", 1, "x-trace", "on"))).isTrue();
        assertThat(any.matches(Map.of("x-trace", "on"))).isTrue();
        assertThat(any.matches(Map.of("x-trace", "off"))).isFalse();
    }

    @Test
    void xMatchItselfIsNeverAnEntry() {
        HeadersMatcher all = matcher("x-match", "all-with-x", "a", 1);

        assertThat(all.matches(Map.of("a", 1))).isTrue();
        assertThat(matcher("x-match", "any-with-x").matches(Map.of("x-match", "any-with-x"))).isFalse();
    }

    @Test
    void nullValuedArgumentRequiresPresenceOnly() {
        HeadersMatcher all = matcher("x-match", "all", "a", null, "b", "x");
        HeadersMatcher any = matcher("x-match", "any", "a", null);

        assertThat(all.matches(Map.of("a", "anything", "b", "x"))).isTrue();
        assertThat(all.matches(headers("a", null, "b", "x"))).isTrue();
        assertThat(all.matches(Map.of("b", "x"))).isFalse();
        assertThat(any.matches(Map.of("a", 42))).isTrue();
        assertThat(any.matches(Map.of("b", 42))).isFalse();
    }

    @Test
    void nullHeaderValueDoesNotMatchAValue() {
        assertThat(matcher("a", "x").matches(headers("a", null))).isFalse();
    }

    @Test
    void valuesAreTyped() {
        assertThat(matcher("a", "5").matches(Map.of("a", 5))).isFalse();
        assertThat(matcher("a", 5).matches(Map.of("a", "5"))).isFalse();
        assertThat(matcher("a", 5).matches(Map.of("a", 5.0))).isFalse();
        assertThat(matcher("a", 5.0).matches(Map.of("a", 5))).isFalse();
        assertThat(matcher("a", "true").matches(Map.of("a", true))).isFalse();
        assertThat(matcher("a", 'c').matches(Map.of("a", "c"))).isFalse();
        assertThat(matcher("a", "c").matches(Map.of("a", 'c'))).isFalse();
        assertThat(matcher("a", new byte[] {1}).matches(Map.of("a", (byte) 1))).isFalse();
        assertThat(matcher("a", BigDecimal.ONE).matches(Map.of("a", 1))).isFalse();
    }

    @Test
    void sameTypesCompareByValue() {
        assertThat(matcher("a", "x").matches(Map.of("a", new String("x")))).isTrue();
        assertThat(matcher("a", "x").matches(Map.of("a", "X"))).isFalse();
        assertThat(matcher("a", true).matches(Map.of("a", true))).isTrue();
        assertThat(matcher("a", true).matches(Map.of("a", false))).isFalse();
        assertThat(matcher("a", 'c').matches(Map.of("a", 'c'))).isTrue();
    }

    @Test
    void integralNumbersMatchAcrossWidths() {
        HeadersMatcher matcher = matcher("n", 7);

        assertThat(matcher.matches(Map.of("n", (byte) 7))).isTrue();
        assertThat(matcher.matches(Map.of("n", (short) 7))).isTrue();
        assertThat(matcher.matches(Map.of("n", 7))).isTrue();
        assertThat(matcher.matches(Map.of("n", 7L))).isTrue();
        assertThat(matcher.matches(Map.of("n", 8L))).isFalse();
        assertThat(matcher("n", Long.MAX_VALUE).matches(Map.of("n", -1))).isFalse();
        assertThat(matcher("n", (byte) -1).matches(Map.of("n", -1L))).isTrue();
    }

    @Test
    void floatingNumbersMatchAcrossWidths() {
        assertThat(matcher("f", 1.5).matches(Map.of("f", 1.5f))).isTrue();
        assertThat(matcher("f", 1.5f).matches(Map.of("f", 1.5))).isTrue();
        assertThat(matcher("f", 0.1).matches(Map.of("f", 0.1f))).isFalse();
        assertThat(matcher("f", 0.0).matches(Map.of("f", -0.0))).isTrue();
        assertThat(matcher("f", Double.NaN).matches(Map.of("f", Float.NaN))).isTrue();
    }

    @Test
    void decimalsCompareByNumericValue() {
        assertThat(matcher("d", new BigDecimal("1.50")).matches(Map.of("d", new BigDecimal("1.5")))).isTrue();
        assertThat(matcher("d", new BigDecimal("1.50")).matches(Map.of("d", new BigDecimal("1.51")))).isFalse();
    }

    @Test
    void byteArraysCompareByContent() {
        byte[] bound = {1, 2, 3};
        HeadersMatcher matcher = matcher("b", bound);
        bound[0] = 9;

        assertThat(matcher.matches(Map.of("b", new byte[] {1, 2, 3}))).isTrue();
        assertThat(matcher.matches(Map.of("b", new byte[] {9, 2, 3}))).isFalse();
        assertThat(matcher.matches(Map.of("b", new byte[] {1, 2}))).isFalse();
    }

    @Test
    void argumentsAreCapturedAtConstruction() {
        Map<String, Object> arguments = new HashMap<>(Map.of("x-match", "all", "a", 1));
        HeadersMatcher matcher = HeadersMatcher.fromBindingArguments(arguments);
        arguments.put("b", 2);
        arguments.put("x-match", "bogus");

        assertThat(matcher.matches(Map.of("a", 1))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bogus", "ALL", "Any", "", "all "})
    void rejectsUnknownXMatchValue(String value) {
        assertThatThrownBy(() -> matcher("x-match", value, "a", 1))
                .isInstanceOf(BrokerException.class)
                .hasMessageContaining("'" + value + "'")
                .satisfies(e -> assertThat(((BrokerException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test
    void rejectsXMatchOfWrongType() {
        assertThatThrownBy(() -> matcher("x-match", 1))
                .isInstanceOf(BrokerException.class)
                .hasMessageContaining("Integer")
                .satisfies(e -> assertThat(((BrokerException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> matcher("x-match", "all".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(BrokerException.class);
        assertThatThrownBy(() -> matcher("x-match", null))
                .isInstanceOf(BrokerException.class)
                .hasMessageContaining("null");
    }

    private static HeadersMatcher matcher(Object... keyValues) {
        return HeadersMatcher.fromBindingArguments(headers(keyValues));
    }

    /** A map that, unlike Map.of, allows null values. */
    private static Map<String, Object> headers(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
