package io.warren.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueFormsTest {

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
