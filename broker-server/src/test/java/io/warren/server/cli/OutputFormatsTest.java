package io.warren.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OutputFormatsTest {
    private static final Table TABLE = new Table(List.of("name", "messages", "note"), List.of(
            List.of("orders", "1200", "a\tb"),
            List.of("q", "7", "line1\nline2\\")));

    private static List<String> printed(Consumer<PrintStream> print) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        print.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aTableAlignsTextLeftAndNumbersRightTwoSpacesApart() {
        assertThat(printed(out -> new TableFormat().print(TABLE, MissingNode.getInstance(), out))).containsExactly(
                "name    messages  note",
                "orders      1200  a\\tb",
                "q              7  line1\\nline2\\\\");
    }

    @Test
    void anEmptyTableIsItsHeaderLine() {
        Table empty = new Table(List.of("name", "messages"), List.of());

        assertThat(printed(out -> new TableFormat().print(empty, MissingNode.getInstance(), out)))
                .containsExactly("name  messages");
    }

    @Test
    void tsvIsAHeaderLineThenOneEscapedLinePerRow() {
        assertThat(printed(out -> new TsvFormat().print(TABLE, MissingNode.getInstance(), out))).containsExactly(
                "name\tmessages\tnote",
                "orders\t1200\ta\\tb",
                "q\t7\tline1\\nline2\\\\");
    }

    @Test
    void jsonIsTheServersAnswerIndentedWithFieldsTheTableLeavesOut() throws Exception {
        JsonNode source = Json.parse("[{\"name\":\"orders\",\"messages\":1200,\"state\":\"running\"}]");

        List<String> lines = printed(out -> new JsonFormat().print(TABLE, source, out));

        assertThat(Json.parse(String.join("\n", lines))).isEqualTo(source);
        assertThat(lines).hasSizeGreaterThan(1);
    }

    @Test
    void aChangeIsAMessageInTableAndTsvAndTheAnswerOrNothingInJson() throws Exception {
        assertThat(printed(out -> new TableFormat().done("purged", MissingNode.getInstance(), out)))
                .containsExactly("purged");
        assertThat(printed(out -> new TsvFormat().done("purged", MissingNode.getInstance(), out)))
                .containsExactly("purged");
        assertThat(printed(out -> new JsonFormat().done("purged", MissingNode.getInstance(), out))).isEmpty();
        JsonNode answer = Json.parse("{\"routed\":true}");
        assertThat(Json.parse(String.join("\n", printed(out -> new JsonFormat().done("x", answer, out)))))
                .isEqualTo(answer);
    }

    @Test
    void decimalsAreKeptAsTheServerWroteThem() throws Exception {
        assertThat(Json.text(Json.parse("{\"rate\":1.10}").path("rate"))).isEqualTo("1.10");
    }
}
