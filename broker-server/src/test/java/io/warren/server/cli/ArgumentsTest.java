package io.warren.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
    private static final Set<String> BOOLEANS = Set.of("if-empty", "verbose", "help");

    private static Arguments parse(String... args) {
        return Arguments.parse(args, BOOLEANS);
    }

    @Test
    void optionsMayStandBeforeBetweenAndAfterTheWords() {
        Arguments arguments = parse("--vhost=/", "delete", "--if-empty", "queue", "orders", "--format=tsv");

        assertThat(arguments.words()).containsExactly("delete", "queue", "orders");
        assertThat(arguments.options()).containsEntry("vhost", "/").containsEntry("if-empty", "true")
                .containsEntry("format", "tsv");
    }

    @Test
    void aValueMayFollowItsOptionAsTheNextArgument() {
        Arguments arguments = parse("--user", "admin", "list", "queues");

        assertThat(arguments.option("user")).contains("admin");
        assertThat(arguments.words()).containsExactly("list", "queues");
    }

    @Test
    void aBooleanOptionAloneMeansTrueAndLeavesTheNextArgumentAWord() {
        Arguments arguments = parse("--verbose", "overview");

        assertThat(arguments.flag("verbose", false)).isTrue();
        assertThat(arguments.words()).containsExactly("overview");
    }

    @Test
    void anEmptyValueIsAValue() {
        assertThat(parse("--routing-key=").option("routing-key")).contains("");
    }

    @Test
    void everythingAfterDoubleDashIsAWord() {
        Arguments arguments = parse("purge", "queue", "--", "--odd-name");

        assertThat(arguments.words()).containsExactly("purge", "queue", "--odd-name");
        assertThat(arguments.options()).isEmpty();
    }

    @Test
    void aLoneDashIsAWordForStandardInputOrOutput() {
        assertThat(parse("export", "definitions", "-").words()).containsExactly("export", "definitions", "-");
    }

    @Test
    void dashHMeansHelp() {
        assertThat(parse("-h").flag("help", false)).isTrue();
    }

    @Test
    void theLastOfARepeatedOptionWins() {
        assertThat(parse("--vhost=a", "--vhost=b").option("vhost")).contains("b");
    }

    @Test
    void anOptionThatNeedsAValueAtTheEndIsAUsageError() {
        assertThatThrownBy(() -> parse("list", "queues", "--vhost"))
                .isInstanceOf(UsageException.class).hasMessage("option --vhost needs a value: --vhost=VALUE");
    }

    @Test
    void aSingleDashOptionIsAUsageError() {
        assertThatThrownBy(() -> parse("-x")).isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown option '-x'");
    }

    @Test
    void aBooleanGivenAnythingButTrueOrFalseIsAUsageError() {
        assertThatThrownBy(() -> parse("--if-empty=maybe").flag("if-empty", false))
                .isInstanceOf(UsageException.class).hasMessage("--if-empty: expected true or false, got 'maybe'");
    }
}
