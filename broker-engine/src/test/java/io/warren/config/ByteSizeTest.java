package io.warren.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizeTest {

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({
        "1024, 1024",
        "1k, 1024", "1K, 1024", "1KiB, 1024", "1kiB, 1024",
        "2M, 2097152", "2MiB, 2097152", "1G, 1073741824", "1GiB, 1073741824",
        "1kB, 1000", "1KB, 1000", "512MB, 512000000", "2GB, 2000000000",
        "'512 MB', 512000000",
    })
    void sizesUseRabbitMqUnits(String text, long bytes) {
        assertThat(ByteSize.parse(text)).isEqualTo(bytes);
    }

    @Test
    void aHugeSizeIsRefusedRatherThanOverflowing() {
        assertThatThrownBy(() -> ByteSize.parse("99999999999999G")).hasMessageContaining("too large");
    }

    @Test
    void anUnknownUnitOrANegativeSizeSaysWhatIsExpected() {
        assertThatThrownBy(() -> ByteSize.parse("5TB")).hasMessageStartingWith(ByteSize.EXPECTED + ", got '5TB'");
        assertThatThrownBy(() -> ByteSize.parse("-1")).hasMessageStartingWith(ByteSize.EXPECTED);
    }
}
