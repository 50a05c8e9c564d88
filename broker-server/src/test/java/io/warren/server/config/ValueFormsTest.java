package io.warren.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueFormsTest {

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({
        "1024, 1024",
        "1k, 1024", "1K, 1024", "1KiB, 1024", "1kiB, 1024",
        "2M, 2097152", "2MiB, 2097152", "1G, 1073741824", "1GiB, 1073741824",
        "1kB, 1000", "1KB, 1000", "512MB, 512000000", "2GB, 2000000000",
        "'512 MB', 512000000",
    })
    void memorySizesUseRabbitMqUnits(String text, long bytes) {
        assertThat(ByteSize.parse(text)).isEqualTo(bytes);
    }

    @Test
    void aHugeMemorySizeIsRefusedRatherThanOverflowing() {
        assertThatThrownBy(() -> ByteSize.parse("99999999999999G")).hasMessageContaining("too large");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
        "5672, null, 5672",
        "0, null, 0",
        "127.0.0.1:5673, 127.0.0.1, 5673",
        "[::1]:5672, ::1, 5672",
        "::1:5672, ::1, 5672",
        "localhost:1, localhost, 1",
    })
    void listenerAddressesArePortOrHostAndPort(String text, String host, int port) {
        assertThat(ListenerAddress.parse(text)).isEqualTo(new ListenerAddress(host, port));
    }

    @Test
    void permissionWordsMayBeQuotedToBeEmptyOrContainSpaces() {
        assertThat(Values.permissionTriple(".* .* .*")).containsExactly(".*", ".*", ".*");
        assertThat(Values.permissionTriple("''   \"\"  .*")).containsExactly("", "", ".*");
        assertThat(Values.permissionTriple("'a b' ^x\\. \"c'd\"")).containsExactly("a b", "^x\\.", "c'd");
    }

    @Test
    void tagsAreCommaSeparatedAndMayBeEmpty() {
        assertThat(Values.tags(" administrator , management,")).containsExactly("administrator", "management");
        assertThat(Values.tags("")).isEmpty();
    }

    @Test
    void levenshteinCountsEdits() {
        assertThat(Levenshtein.distance("hearbeat", "heartbeat")).isEqualTo(1);
        assertThat(Levenshtein.distance("", "abc")).isEqualTo(3);
        assertThat(Levenshtein.distance("same", "same")).isZero();
    }
}
