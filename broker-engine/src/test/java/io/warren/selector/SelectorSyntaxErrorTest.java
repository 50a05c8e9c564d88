package io.warren.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Selectors that do not parse: each row is a selector and the position and text of the offending token. */
class SelectorSyntaxErrorTest {
    private static final String END = SelectorSyntaxException.END_OF_INPUT;

    @ParameterizedTest(name = "[{index}] {0} fails at {1} on {2}")
    @MethodSource("errors")
    void reportsTheOffendingToken(String selector, int position, String token) {
        assertThatThrownBy(() -> Selector.parse(selector))
                .asInstanceOf(type(SelectorSyntaxException.class))
                .satisfies(e -> {
                    assertThat(e.position()).as("position").isEqualTo(position);
                    assertThat(e.token()).as("token").isEqualTo(token);
                    assertThat(e.getMessage())
                            .startsWith("invalid selector \"" + selector + "\": ")
                            .contains("at position " + position);
                });
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                // missing or extra operands and operators
                Arguments.of("a = = 1", 4, "="),
                Arguments.of("", 0, END),
                Arguments.of("   ", 3, END),
                Arguments.of("a >", 3, END),
                Arguments.of("a = 1 AND", 9, END),
                Arguments.of("NOT", 3, END),
                Arguments.of("a = 1 OR OR b = 2", 9, "OR"),
                Arguments.of("a = 1 b", 6, "b"),
                Arguments.of("a = 12abc", 6, "abc"),
                Arguments.of("a = 1 = 2", 6, "="),
                Arguments.of("a IS NULL NULL", 10, "NULL"),
                Arguments.of("a = 1 ESCAPE", 6, "ESCAPE"),
                Arguments.of("a = 1.5L", 7, "L"),
                // parentheses
                Arguments.of("(a = 1", 6, END),
                Arguments.of("a = 1)", 5, ")"),
                Arguments.of("()", 1, ")"),
                Arguments.of("(".repeat(101) + "a" + ")".repeat(101), 100, "("),
                Arguments.of("NOT ".repeat(101) + "a", 400, "NOT"),
                // lexical errors
                Arguments.of("a = 'abc", 4, "'abc"),
                Arguments.of("a = 'it''s", 4, "'it''s"),
                Arguments.of("a = 1 # 2", 6, "#"),
                Arguments.of("a != 1", 2, "!"),
                Arguments.of("a = \"x\"", 4, "\""),
                Arguments.of("a = .", 4, "."),
                Arguments.of("a = 0x", 4, "0x"),
                Arguments.of("a = 1.5E", 4, "1.5E"),
                Arguments.of("a = 2e+ 1", 4, "2e+"),
                Arguments.of("a = 9223372036854775808", 4, "9223372036854775808"),
                Arguments.of("a = 0x1FFFFFFFFFFFFFFFF", 4, "0x1FFFFFFFFFFFFFFFF"),
                Arguments.of("a = 1E400", 4, "1E400"),
                Arguments.of("a = 1E39F", 4, "1E39F"),
                Arguments.of("a = 09", 4, "09"),
                Arguments.of("a = 08L", 4, "08L"),
                Arguments.of("a = 0129 OR b = 1", 4, "0129"),
                Arguments.of("a = -09", 5, "09"),
                Arguments.of("a = 02000000000000000000000", 4, "02000000000000000000000"),
                // reserved words
                Arguments.of("null = 1", 0, "null"),
                Arguments.of("and = 1", 0, "and"),
                Arguments.of("a = Between", 4, "Between"),
                Arguments.of("a = NULL", 4, "NULL"),
                Arguments.of("a IS 1", 5, "1"),
                Arguments.of("a IS NOT 1", 9, "1"),
                Arguments.of("a NOT 1", 6, "1"),
                Arguments.of("a NOT NULL", 6, "NULL"),
                // BETWEEN
                Arguments.of("a BETWEEN 1", 11, END),
                Arguments.of("a BETWEEN 1 OR 2", 12, "OR"),
                Arguments.of("a BETWEEN 'a' AND 'z'", 10, "'a'"),
                // LIKE and ESCAPE
                Arguments.of("a LIKE b", 7, "b"),
                Arguments.of("a LIKE 1", 7, "1"),
                Arguments.of("a LIKE 'x' ESCAPE 'ab'", 18, "'ab'"),
                Arguments.of("a LIKE 'x' ESCAPE ''", 18, "''"),
                Arguments.of("a LIKE 'x' ESCAPE b", 18, "b"),
                Arguments.of("a LIKE 'x' ESCAPE", 17, END),
                Arguments.of("a LIKE 'ab\\' ESCAPE '\\'", 7, "'ab\\'"),
                Arguments.of("5 LIKE '5'", 0, "5"),
                // IN
                Arguments.of("a IN ()", 6, ")"),
                Arguments.of("a IN (1, 2)", 6, "1"),
                Arguments.of("a IN ('x', 2)", 11, "2"),
                Arguments.of("a IN ('x', -1)", 11, "-"),
                Arguments.of("a IN ('x', b)", 11, "b"),
                Arguments.of("a IN ('x'", 9, END),
                Arguments.of("a IN ('x' 'y')", 10, "'y'"),
                Arguments.of("a IN ('x',)", 10, ")"),
                Arguments.of("a IN 'x'", 5, "'x'"),
                // operands of the wrong type
                Arguments.of("1 AND a", 0, "1"),
                Arguments.of("a = 1 OR 2", 9, "2"),
                Arguments.of("NOT 'x'", 4, "'x'"),
                Arguments.of("a + 1", 0, "a"),
                Arguments.of("1 + 2", 0, "1"),
                Arguments.of("'abc'", 0, "'abc'"),
                Arguments.of("'x' > a", 0, "'x'"),
                Arguments.of("a < TRUE", 4, "TRUE"),
                Arguments.of("a + 'x' = 1", 4, "'x'"),
                Arguments.of("-TRUE = a", 1, "TRUE"),
                Arguments.of("(a = 1) + 2 = 3", 0, "("),
                // only like types compare: where both types are known without a message, unlike ones do not parse
                Arguments.of("TRUE = 0", 7, "0"),
                Arguments.of("FALSE = 0", 8, "0"),
                Arguments.of("0 = TRUE", 4, "TRUE"),
                Arguments.of("FALSE <> 'x'", 9, "'x'"),
                Arguments.of("'a' = 1", 6, "1"),
                Arguments.of("1.5 <> 'a'", 7, "'a'"),
                Arguments.of("(a = 1) = 2", 10, "2"),
                Arguments.of("(a = 1) = 'x'", 10, "'x'"),
                Arguments.of("a + 1 = 'x'", 8, "'x'"),
                Arguments.of("'x' = a + 1", 6, "a"),
                Arguments.of("-a = TRUE", 5, "TRUE"),
                Arguments.of("+a = 'a'", 5, "'a'"),
                Arguments.of("a = 1 AND 'x' = (b > 1)", 16, "("),
                Arguments.of("TRUE > 0", 0, "TRUE"),
                Arguments.of("TRUE + 1 = 2", 0, "TRUE"),
                Arguments.of("'a' * 2 = 2", 0, "'a'"),
                Arguments.of("TRUE IN ('x')", 0, "TRUE"),
                Arguments.of("1 NOT LIKE 'x'", 0, "1"));
    }

    @Test
    void messageQuotesTheSelectorAndSaysWhatWasExpected() {
        assertThatThrownBy(() -> Selector.parse("a = = 1"))
                .isInstanceOf(SelectorSyntaxException.class)
                .hasMessage("invalid selector \"a = = 1\": unexpected '=' at position 4;"
                        + " expected an identifier, a literal or '('");
    }

    @Test
    void messageAtEndOfInput() {
        assertThatThrownBy(() -> Selector.parse("(a = 1"))
                .hasMessage("invalid selector \"(a = 1\": unexpected end of input at position 6; expected ')'");
    }

    @Test
    void messageForAnOperandOfTheWrongType() {
        assertThatThrownBy(() -> Selector.parse("x = 1 AND y + 2"))
                .hasMessage("invalid selector \"x = 1 AND y + 2\": expected a condition"
                        + " but found numeric expression 'y + 2' at position 10");
    }

    @Test
    void messageForAnUnterminatedString() {
        assertThatThrownBy(() -> Selector.parse("s = 'abc"))
                .hasMessageContaining("unterminated string literal 'abc at position 4");
    }

    @Test
    void messageForAStringOrdering() {
        assertThatThrownBy(() -> Selector.parse("s > 'abc'"))
                .hasMessageContaining("strings and booleans compare only with = and <>");
    }

    @Test
    void messageForUnlikeTypesNamesTheLeftOperand() {
        assertThatThrownBy(() -> Selector.parse("TRUE = 0"))
                .hasMessage("invalid selector \"TRUE = 0\": expected a boolean expression (only like types compare)"
                        + " to match 'TRUE' but found numeric expression '0' at position 7");
    }

    @Test
    void messageForANonOctalDigitAfterALeadingZero() {
        assertThatThrownBy(() -> Selector.parse("n = 09"))
                .hasMessageContaining("octal literal '09' at position 4 has a digit 8 or 9");
    }

    @Test
    void nullIsNotASyntaxError() {
        assertThatThrownBy(() -> Selector.parse(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void nestingUpToTheLimitParses() {
        String selector = "(".repeat(Parser.MAX_NESTING) + "a" + ")".repeat(Parser.MAX_NESTING);
        assertThat(Selector.parse(selector).matches(name -> true)).isTrue();
    }

    @Test
    void longChainsDoNotNestAndParse() {
        String selector = "a = 0" + " OR a = 1".repeat(10_000) + " AND b" + " + 1".repeat(10_000) + " > 0";
        assertThat(Selector.parse(selector).matches(name -> 1)).isTrue();
    }
}
