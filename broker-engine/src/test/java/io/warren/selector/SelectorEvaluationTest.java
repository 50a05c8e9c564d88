package io.warren.selector;

import static io.warren.selector.Truth.FALSE;
import static io.warren.selector.Truth.TRUE;
import static io.warren.selector.Truth.UNKNOWN;
import static io.warren.selector.Truth.props;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The selector language against message properties: each row is a selector, the message's properties (absent
 * names are NULL) and what the selector evaluates to.
 */
class SelectorEvaluationTest {

    @ParameterizedTest(name = "[{index}] {0} with {1} is {2}")
    @MethodSource({"literals", "numericPromotionAndComparison", "arithmetic", "between", "like", "in", "isNull",
            "headersAndIdentifiers", "logicAndPrecedence", "layout"})
    void evaluates(String selector, Map<String, Object> properties, Truth expected) {
        assertThat(Truth.of(selector, properties)).isEqualTo(expected);
        assertThat(Selector.parse(selector).matches(properties::get)).isEqualTo(expected == TRUE);
    }

    private static Arguments row(String selector, Map<String, Object> properties, Truth expected) {
        return Arguments.of(selector, properties, expected);
    }

    static Stream<Arguments> literals() {
        return Stream.of(
                row("s = 'abc'", props("s", "abc"), TRUE),
                row("s = 'abc'", props("s", "abd"), FALSE),
                row("s = 'ABC'", props("s", "abc"), FALSE),
                row("s = 'it''s'", props("s", "it's"), TRUE),
                row("s = ''''", props("s", "'"), TRUE),
                row("s = ''", props("s", ""), TRUE),
                row("s <> 'abc'", props("s", "x"), TRUE),
                row("s <> 'abc'", props("s", "abc"), FALSE),
                row("s = 'héllo ✓ 😀'", props("s", "héllo ✓ 😀"), TRUE),
                row("'abc' = 'abc'", props(), TRUE),
                row("n = 57", props("n", 57), TRUE),
                row("n = 57L", props("n", 57L), TRUE),
                row("n = 57l", props("n", 57), TRUE),
                row("n = -957", props("n", -957), TRUE),
                row("n = +62", props("n", 62), TRUE),
                row("n = 0x1F", props("n", 31), TRUE),
                row("n = 0X1f", props("n", 31), TRUE),
                row("n = 0x1FL", props("n", 31L), TRUE),
                row("n = -0x10", props("n", -16), TRUE),
                // A leading zero makes an exact literal octal, as in Java; approximate literals stay decimal.
                row("n = 010", props("n", 8), TRUE),
                row("n = 010", props("n", 10), FALSE),
                row("n = 035", props("n", 29L), TRUE),
                row("n = 035L", props("n", 29L), TRUE),
                row("n = -035", props("n", -29), TRUE),
                row("n = 0", props("n", 0), TRUE),
                row("n = 00", props("n", 0), TRUE),
                row("n = 0L", props("n", 0), TRUE),
                row("n = 01777777777777777777777", props("n", -1L), TRUE),
                row("n = -01000000000000000000000", props("n", Long.MIN_VALUE), TRUE),
                row("d = 035.5", props("d", 35.5), TRUE),
                row("d = 035e2", props("d", 3500.0), TRUE),
                row("d = 09.5", props("d", 9.5), TRUE),
                row("d = 09f", props("d", 9.0f), TRUE),
                row("d = 0.5", props("d", 0.5), TRUE),
                row("n = 9223372036854775807", props("n", Long.MAX_VALUE), TRUE),
                row("n = -9223372036854775808", props("n", Long.MIN_VALUE), TRUE),
                row("n = 0xFFFFFFFFFFFFFFFF", props("n", -1L), TRUE),
                row("d = 7E3", props("d", 7000.0), TRUE),
                row("d = -57.9E2", props("d", -5790.0), TRUE),
                row("d = 7.", props("d", 7.0), TRUE),
                row("d = .5", props("d", 0.5), TRUE),
                row("d = 95.7", props("d", 95.7), TRUE),
                row("d = +6.2", props("d", 6.2), TRUE),
                row("d = 7e-3", props("d", 0.007), TRUE),
                row("d = 7E+3", props("d", 7000.0), TRUE),
                row("d = 1.5D", props("d", 1.5), TRUE),
                row("d = 1.5d", props("d", 1.5), TRUE),
                row("d = 2f", props("d", 2.0), TRUE),
                row("f = 1.1F", props("f", 1.1f), TRUE),
                row("f = 1.1", props("f", 1.1f), FALSE),
                row("b = TRUE", props("b", true), TRUE),
                row("b = true", props("b", true), TRUE),
                row("b = FALSE", props("b", true), FALSE),
                row("b <> false", props("b", true), TRUE),
                row("TRUE", props(), TRUE),
                row("FALSE", props(), FALSE),
                row("TrUe", props(), TRUE),
                row("TRUE = FALSE", props(), FALSE),
                row("(1 > 0) = TRUE", props(), TRUE),
                row("'a' <> 'b'", props(), TRUE));
    }

    static Stream<Arguments> numericPromotionAndComparison() {
        return Stream.of(
                row("x = 5", props("x", (byte) 5), TRUE),
                row("x = 5", props("x", (short) 5), TRUE),
                row("x = 5", props("x", 5), TRUE),
                row("x = 5", props("x", 5L), TRUE),
                row("x = 5", props("x", 5.0f), TRUE),
                row("x = 5", props("x", 5.0), TRUE),
                row("x = 5.0", props("x", 5), TRUE),
                row("x = 7E3", props("x", 7000), TRUE),
                row("x > 4.5", props("x", 5), TRUE),
                row("x < 4.5", props("x", (byte) 5), FALSE),
                row("x = y", props("x", 5, "y", 5.0), TRUE),
                row("x = y", props("x", (short) 3, "y", 3L), TRUE),
                row("x = y", props("x", "a", "y", "a"), TRUE),
                row("x <> y", props("x", "a", "y", "b"), TRUE),
                row("x = y", props("x", true, "y", true), TRUE),
                row("x > 5", props("x", 6), TRUE),
                row("x > 5", props("x", 5), FALSE),
                row("x >= 5", props("x", 5), TRUE),
                row("x >= 5", props("x", 4), FALSE),
                row("x < 5", props("x", 4), TRUE),
                row("x < 5", props("x", 5), FALSE),
                row("x <= 5", props("x", 5), TRUE),
                row("x <= 5", props("x", 6), FALSE),
                row("x <> 5", props("x", 6), TRUE),
                row("x <> 5", props("x", 5), FALSE),
                row("5 < x", props("x", 6), TRUE),
                row("x < y", props("x", 1, "y", 2), TRUE),
                row("x = 0", props("x", -0.0), TRUE),
                row("x = x", props("x", Double.NaN), FALSE),
                row("x <> x", props("x", Double.NaN), TRUE),
                row("x > 1", props("x", Long.MAX_VALUE), TRUE),
                // Only like types compare; unlike types and string/boolean ordering are FALSE (3.8.1.2).
                row("x < y", props("x", "a", "y", "b"), FALSE),
                row("x > y", props("x", true, "y", false), FALSE),
                row("x = 'abc'", props("x", 5), FALSE),
                row("x <> 'abc'", props("x", 5), FALSE),
                row("x = 5", props("x", "5"), FALSE),
                row("x = TRUE", props("x", 1), FALSE),
                row("b = TRUE", props("b", "true"), FALSE),
                row("x = y", props("x", "1", "y", 1), FALSE),
                // NULL makes any comparison UNKNOWN.
                row("x = 1", props(), UNKNOWN),
                row("x <> 1", props(), UNKNOWN),
                row("x > 1", props(), UNKNOWN),
                row("x = 'a'", props(), UNKNOWN),
                row("x = y", props("x", 1), UNKNOWN),
                row("x = y", props(), UNKNOWN),
                // Values of a type no property can have are of unknown type.
                row("x = 'a'", props("x", new byte[] {97}), UNKNOWN),
                row("x = 'a'", props("x", 'a'), UNKNOWN),
                row("x = 1", props("x", BigDecimal.ONE), UNKNOWN),
                row("x > 0", props("x", new Object()), UNKNOWN));
    }

    static Stream<Arguments> arithmetic() {
        return Stream.of(
                row("x + 1 = 3", props("x", 2), TRUE),
                row("x - 1 = 1", props("x", 2), TRUE),
                row("x * 3 = 6", props("x", 2), TRUE),
                row("x / 2 = 2", props("x", 5), TRUE),
                row("x / 2 = 2.5", props("x", 5.0), TRUE),
                row("x / 2.0 = 2.5", props("x", 5), TRUE),
                row("x / 0 = 1", props("x", 5), UNKNOWN),
                row("x / 0 > 1", props("x", 5.0), TRUE),
                row("x / y IS NULL", props("x", 5, "y", 0), TRUE),
                row("1 + 2 * 3 = 7", props(), TRUE),
                row("(1 + 2) * 3 = 9", props(), TRUE),
                row("10 - 2 - 3 = 5", props(), TRUE),
                row("24 / 4 / 2 = 3", props(), TRUE),
                row("7 / 2 * 2 = 6", props(), TRUE),
                row("-x = -3", props("x", 3), TRUE),
                row("- -x = 3", props("x", 3), TRUE),
                row("-x * 2 = -6", props("x", 3), TRUE),
                row("+x = 3", props("x", 3), TRUE),
                row("-(x + 1) = -4", props("x", 3), TRUE),
                row("x - -1 = 4", props("x", 3), TRUE),
                row("-x = 1", props("x", "a"), UNKNOWN),
                row("x + 1 = 2", props("x", "1"), UNKNOWN),
                row("x + 1 = 2", props("x", true), UNKNOWN),
                row("x + 1 = 2", props(), UNKNOWN),
                row("x + y > 0", props("x", 1), UNKNOWN),
                row("x * 2 = 2", props("x", new byte[] {1}), UNKNOWN),
                row("9223372036854775807 + 1 < 0", props(), TRUE),
                row("x * 1.5 = 3", props("x", 2), TRUE),
                row("x + y = 3.5", props("x", (short) 1, "y", 2.5f), TRUE),
                row("x + y = 300", props("x", (byte) 100, "y", (byte) 200), FALSE),
                row("x * y = 20000000000", props("x", 100000, "y", 200000), TRUE));
    }

    static Stream<Arguments> between() {
        return Stream.of(
                row("age BETWEEN 15 AND 19", props("age", 15), TRUE),
                row("age BETWEEN 15 AND 19", props("age", 19), TRUE),
                row("age BETWEEN 15 AND 19", props("age", 17), TRUE),
                row("age BETWEEN 15 AND 19", props("age", 14), FALSE),
                row("age BETWEEN 15 AND 19", props("age", 20), FALSE),
                row("age NOT BETWEEN 15 AND 19", props("age", 14), TRUE),
                row("age NOT BETWEEN 15 AND 19", props("age", 20), TRUE),
                row("age NOT BETWEEN 15 AND 19", props("age", 17), FALSE),
                row("age BETWEEN 15 AND 19", props(), UNKNOWN),
                row("age NOT BETWEEN 15 AND 19", props(), UNKNOWN),
                row("age BETWEEN 15.5 AND 19", props("age", 15), FALSE),
                row("age BETWEEN 15.5 AND 19", props("age", 15.5f), TRUE),
                row("age BETWEEN low AND high", props("age", 5, "low", 1, "high", 9), TRUE),
                row("age BETWEEN low AND high", props("age", 5, "high", 9), UNKNOWN),
                row("age BETWEEN low AND high", props("age", 10, "high", 9), FALSE),
                row("age NOT BETWEEN low AND high", props("age", 10, "high", 9), TRUE),
                row("age BETWEEN x - 1 AND x + 1", props("age", 5, "x", 6), TRUE),
                row("age * 2 BETWEEN -10 AND +10", props("age", -5), TRUE),
                row("age BETWEEN 1 AND 9", props("age", "5"), FALSE),
                row("age NOT BETWEEN 1 AND 9", props("age", "5"), FALSE),
                row("age BETWEEN 9 AND 1", props("age", 5), FALSE),
                row("x BETWEEN 1 AND 2 AND y = 1", props("x", 1, "y", 1), TRUE),
                row("age between 1 and 9", props("age", 5), TRUE));
    }

    static Stream<Arguments> like() {
        return Stream.of(
                row("phone LIKE '12%3'", props("phone", "123"), TRUE),
                row("phone LIKE '12%3'", props("phone", "12993"), TRUE),
                row("phone LIKE '12%3'", props("phone", "1234"), FALSE),
                row("phone NOT LIKE '12%3'", props("phone", "123"), FALSE),
                row("phone NOT LIKE '12%3'", props("phone", "1234"), TRUE),
                row("phone LIKE '12%3'", props(), UNKNOWN),
                row("phone NOT LIKE '12%3'", props(), UNKNOWN),
                row("word LIKE 'l_se'", props("word", "lose"), TRUE),
                row("word LIKE 'l_se'", props("word", "loose"), FALSE),
                row("word LIKE 'l_se'", props("word", "lse"), FALSE),
                row("name LIKE '\\_%' ESCAPE '\\'", props("name", "_foo"), TRUE),
                row("name LIKE '\\_%' ESCAPE '\\'", props("name", "bar"), FALSE),
                row("s LIKE '100!%' ESCAPE '!'", props("s", "100%"), TRUE),
                row("s LIKE '100!%' ESCAPE '!'", props("s", "1000"), FALSE),
                row("s LIKE '!!%' ESCAPE '!'", props("s", "!x"), TRUE),
                row("s like 'a%' escape '\\'", props("s", "abc"), TRUE),
                row("s LIKE '%'", props("s", ""), TRUE),
                row("s LIKE ''", props("s", ""), TRUE),
                row("s LIKE ''", props("s", "a"), FALSE),
                row("s LIKE '%%'", props("s", "x"), TRUE),
                row("s LIKE 'a.c'", props("s", "abc"), FALSE),
                row("s LIKE 'a.c'", props("s", "a.c"), TRUE),
                row("s LIKE '[ab]*(?)$^'", props("s", "[ab]*(?)$^"), TRUE),
                row("s LIKE '%a%b%'", props("s", "xxaxxbxx"), TRUE),
                row("s LIKE '%a%b%'", props("s", "xxbxxaxx"), FALSE),
                row("s LIKE '%aab'", props("s", "aaab"), TRUE),
                row("s LIKE 'a%a'", props("s", "a"), FALSE),
                row("s LIKE 'a%'", props("s", "a\nb"), TRUE),
                row("s LIKE '_'", props("s", "😀"), TRUE),
                row("s LIKE '_x_'", props("s", "😀x😀"), TRUE),
                row("s LIKE 'A%'", props("s", "abc"), FALSE),
                row("s LIKE 'it''s%'", props("s", "it's here"), TRUE),
                row("'abc' LIKE 'a%'", props(), TRUE),
                // LIKE is defined for strings only: another type is UNKNOWN, like NULL.
                row("s LIKE '1%'", props("s", 123), UNKNOWN),
                row("s NOT LIKE '1%'", props("s", 123), UNKNOWN),
                row("s NOT LIKE 'x'", props("s", true), UNKNOWN),
                row("s LIKE '1%'", props("s", new byte[] {49}), UNKNOWN));
    }

    static Stream<Arguments> in() {
        return Stream.of(
                row("Country IN ('UK', 'US', 'France')", props("Country", "UK"), TRUE),
                row("Country IN ('UK', 'US', 'France')", props("Country", "Peru"), FALSE),
                row("Country NOT IN ('UK', 'US', 'France')", props("Country", "US"), FALSE),
                row("Country NOT IN ('UK', 'US', 'France')", props("Country", "Germany"), TRUE),
                row("Country IN ('UK')", props(), UNKNOWN),
                row("Country NOT IN ('UK')", props(), UNKNOWN),
                // IN is defined for strings (or NULL) only: another type is UNKNOWN, like NULL.
                row("Country IN ('UK')", props("Country", 1), UNKNOWN),
                row("Country NOT IN ('UK')", props("Country", 1), UNKNOWN),
                row("Country NOT IN ('foo', 'jms', 'test')", props("Country", 0), UNKNOWN),
                row("Country NOT IN ('true')", props("Country", true), UNKNOWN),
                row("Country IN ('uk')", props("Country", "UK"), FALSE),
                row("c IN ('it''s')", props("c", "it's"), TRUE),
                row("c in ('a','b')", props("c", "b"), TRUE),
                row("c IN ('a', 'a')", props("c", "a"), TRUE),
                row("c IN ('')", props("c", ""), TRUE),
                row("c IN ('a')", props("c", 'a'), UNKNOWN));
    }

    static Stream<Arguments> isNull() {
        return Stream.of(
                row("x IS NULL", props(), TRUE),
                row("x IS NULL", props("x", 1), FALSE),
                row("x IS NULL", props("x", ""), FALSE),
                row("x IS NOT NULL", props("x", 1), TRUE),
                row("x IS NOT NULL", props(), FALSE),
                row("x is null", props(), TRUE),
                row("x Is Not Null", props("x", false), TRUE),
                row("x IS NULL", props("x", new byte[0]), FALSE),
                row("x + 1 IS NULL", props(), TRUE),
                row("NOT x IS NULL", props("x", 1), TRUE),
                row("x IS NULL OR x = 1", props(), TRUE));
    }

    static Stream<Arguments> headersAndIdentifiers() {
        return Stream.of(
                row("JMSDeliveryMode = 'PERSISTENT'", props("JMSDeliveryMode", "PERSISTENT"), TRUE),
                row("JMSDeliveryMode = 'PERSISTENT'", props("JMSDeliveryMode", "NON_PERSISTENT"), FALSE),
                row("JMSPriority > 4", props("JMSPriority", 9), TRUE),
                row("JMSType = 'car' AND color = 'blue' AND weight > 2500",
                        props("JMSType", "car", "color", "blue", "weight", 3000), TRUE),
                row("JMSType = 'car' AND color = 'blue' AND weight > 2500",
                        props("JMSType", "car", "color", "red", "weight", 3000), FALSE),
                row("JMSCorrelationID IS NULL", props(), TRUE),
                row("JMSXDeliveryCount > 1", props("JMSXDeliveryCount", 2), TRUE),
                row("$x = 1", props("$x", 1), TRUE),
                row("_a1 = 1", props("_a1", 1), TRUE),
                row("café = 1", props("café", 1), TRUE),
                row("ın = 1", props("ın", 1), TRUE),
                row("Nullable = 1", props("Nullable", 1), TRUE),
                row("ANDy = 1", props("ANDy", 1), TRUE),
                row("a = 1", props("A", 1), UNKNOWN));
    }

    static Stream<Arguments> logicAndPrecedence() {
        return Stream.of(
                row("b", props("b", true), TRUE),
                row("b", props("b", false), FALSE),
                row("NOT b", props("b", false), TRUE),
                row("NOT NOT b", props("b", true), TRUE),
                row("b AND x > 1", props("b", true, "x", 2), TRUE),
                row("b AND x > 1", props("b", false, "x", 2), FALSE),
                row("b = (x > 1)", props("b", true, "x", 2), TRUE),
                row("(x > 1) = TRUE", props("x", 2), TRUE),
                row("(x > 1) <> (y > 1)", props("x", 2, "y", 1), TRUE),
                row("(x > 1) = FALSE", props(), UNKNOWN),
                row("NOT (x = 1)", props("x", 2), TRUE),
                // An identifier's type is known only per message: comparing a boolean with a number is FALSE.
                row("b = 0", props("b", true), FALSE),
                row("0 <> b", props("b", false), FALSE),
                row("a = 1 OR b = 2 AND c = 3", props("a", 1, "b", 0, "c", 0), TRUE),
                row("(a = 1 OR b = 2) AND c = 3", props("a", 1, "b", 0, "c", 0), FALSE),
                row("NOT a = 1 AND b = 2", props("a", 2, "b", 2), TRUE),
                row("NOT (a = 1 AND b = 2)", props("a", 1, "b", 2), FALSE),
                row("((((a = 1))))", props("a", 1), TRUE),
                row("a = 1 AND (b = 2 OR (c = 3 AND NOT d = 4))", props("a", 1, "b", 0, "c", 3, "d", 5), TRUE),
                row("x = y AND y = z", props("x", 1, "y", 1, "z", 1), TRUE),
                row("s = 'a' or s = 'b'", props("s", "b"), TRUE),
                row("NOT (x = 'abc')", props("x", 5), TRUE),
                row("NOT (x < y)", props("x", "a", "y", "b"), TRUE),
                // A value that is not a boolean used as a condition is UNKNOWN.
                row("a = 1 AND b", props("a", 1, "b", "true"), UNKNOWN),
                row("x", props("x", 1), UNKNOWN),
                row("NOT x", props("x", "s"), UNKNOWN),
                row("x", props(), UNKNOWN));
    }

    static Stream<Arguments> layout() {
        return Stream.of(
                row("a\t=\n1", props("a", 1), TRUE),
                row("  a=1  ", props("a", 1), TRUE),
                row("a<>1", props("a", 2), TRUE),
                row("a>=1AND b<=2", props("a", 1, "b", 2), TRUE),
                row("(a=1)OR(b=2)", props("b", 2), TRUE),
                row("a IN('x','y')", props("a", "y"), TRUE));
    }
}
