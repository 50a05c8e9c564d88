package io.warren.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON as the tool reads and prints it: one mapper, which keeps decimals as written ({@code 1.10} stays
 * {@code 1.10}) so that exported definitions and rates are not reformatted, and the text of a value in a table
 * cell. Stateless; the mapper is thread-safe.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses {@code text}, which must be JSON. */
    static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    /**
     * The value of {@code --name=JSON}, which must be a JSON object.
     *
     * @throws UsageException when it is not
     */
    static ObjectNode objectOption(String name, String text) {
        JsonNode node;
        try {
            node = parse(text);
        } catch (JsonProcessingException e) {
            throw new UsageException("--" + name + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new UsageException("--" + name + ": expected a JSON object such as {\"x-message-ttl\":60000}");
        }
        return (ObjectNode) node;
    }

    /** Indented JSON, without a trailing line break. */
    static String pretty(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** The value at a dotted path ({@code queue.name}); a missing node when any step is absent. */
    static JsonNode at(JsonNode node, String dottedPath) {
        JsonNode current = node;
        for (String step : dottedPath.split("\\.")) {
            current = current.path(step);
        }
        return current;
    }

    /**
     * A value as a table cell shows it: strings and numbers as written, booleans as {@code true}/{@code false},
     * absent and null as empty, arrays of scalars joined with {@code ,}, anything else as compact JSON.
     */
    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        if (node.isArray() && allScalars(node)) {
            List<String> parts = new ArrayList<>();
            node.forEach(element -> parts.add(text(element)));
            return String.join(",", parts);
        }
        return node.toString();
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isValueNode()) {
                return false;
            }
        }
        return true;
    }
}
