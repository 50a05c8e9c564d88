package io.warren.broker.management.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BodyPreviewTest {

    @Test
    void shortTextIsShownWhole() {
        assertThat(BodyPreview.of("hello".getBytes(StandardCharsets.UTF_8))).isEqualTo("hello");
        assertThat(BodyPreview.of(new byte[0])).isEmpty();
    }

    @Test
    void longTextIsCutAt256CharactersAndMarked() {
        assertThat(BodyPreview.of("x".repeat(5000).getBytes(StandardCharsets.UTF_8))).isEqualTo("x".repeat(256) + "…");
    }

    @Test
    void aCharacterSplitByTheDecodingWindowDoesNotMakeTextLookBinary() {
        // 1023 one-byte characters, then a two-byte one straddling the 1024-byte window.
        byte[] body = ("a".repeat(1023) + "é" + "b".repeat(10)).getBytes(StandardCharsets.UTF_8);

        assertThat(BodyPreview.of(body)).isEqualTo("a".repeat(256) + "…");
    }

    @Test
    void aSurrogatePairIsNotCutInHalf() {
        String text = "a".repeat(255) + "😀" + "tail";

        assertThat(BodyPreview.of(text.getBytes(StandardCharsets.UTF_8))).isEqualTo("a".repeat(255) + "…");
    }

    @Test
    void binaryBodiesAreShownAsHexOfTheirFirstBytes() {
        byte[] body = new byte[100];
        Arrays.fill(body, (byte) 0xC3);

        assertThat(BodyPreview.of(body)).isEqualTo("0x" + "c3".repeat(64) + "…");
        assertThat(BodyPreview.of(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5})).isEqualTo("0xaced0005");
    }

    @Test
    void argumentValuesBecomeReadableText() {
        assertThat(OpenValues.texts(Map.of("n", 5, "b", new byte[] {1, 2}, "d", new Date(0),
                "l", List.of("x", new byte[] {3}), "m", Map.of("k", true))))
                .containsEntry("n", "5").containsEntry("b", "0x0102").containsEntry("d", "1970-01-01T00:00:00Z")
                .containsEntry("l", "[x, 0x03]").containsEntry("m", "{k=true}");
    }
}
