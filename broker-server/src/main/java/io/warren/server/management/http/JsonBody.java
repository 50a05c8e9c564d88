package io.warren.server.management.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request body that is a JSON object, read field by field with the type each field must have. A field
 * that is absent or JSON {@code null} counts as not given. A field of the wrong type fails with a 400 whose
 * reason names the field, the expected type and the type sent ({@code "field 'configure' must be a string,
 * got number"}); fields the handler does not ask for are ignored, as RabbitMQ ignores them. An object inside
 * the body ({@link #nested}, {@link #objectList}) is read the same way, its fields named by their path in
 * errors ({@code "field 'properties.priority' ..."}, {@code "field 'queues[2].durable' ..."}).
 *
 * <p>Immutable view of the parsed tree; used by one handler thread.
 */
public final class JsonBody {
    private final ObjectMapper mapper;
    private final ObjectNode object;
    private final String path;

    private JsonBody(ObjectMapper mapper, ObjectNode object, String path) {
        this.mapper = mapper;
        this.object = object;
        this.path = path;
    }

    /**
     * The body as an object; an empty body is an empty object when {@code emptyAllowed}, a 400 otherwise.
     *
     * @throws ApiException 400 if the body is not JSON or not a JSON object
     */
    static JsonBody parse(ObjectMapper mapper, byte[] body, boolean emptyAllowed) {
        if (isBlank(body)) {
            if (emptyAllowed) {
                return new JsonBody(mapper, mapper.createObjectNode(), "");
            }
            throw ApiException.badRequest("body is empty; expected a JSON object");
        }
        JsonNode node = ApiJson.parse(mapper, body);
        if (!(node instanceof ObjectNode objectNode)) {
            throw ApiException.badRequest("body must be a JSON object, got " + typeOf(node));
        }
        return new JsonBody(mapper, objectNode, "");
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** Whether the field is given (present and not null). */
    public boolean has(String field) {
        return given(field) != null;
    }

    /** A string field, if given. */
    public Optional<String> string(String field) {
        JsonNode node = given(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw wrongType(field, "a string", node);
        }
        return Optional.of(node.textValue());
    }

    /** A string field that must be given. */
    public String requiredString(String field) {
        return string(field).orElseThrow(() -> missing(field));
    }

    /** A boolean field ({@code true} or {@code false}, not a string), if given. */
    public Optional<Boolean> bool(String field) {
        JsonNode node = given(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            throw wrongType(field, "true or false", node);
        }
        return Optional.of(node.booleanValue());
    }

    /** A whole-number field between {@code min} and {@code max}, if given. */
    public Optional<Long> integer(String field, long min, long max) {
        JsonNode node = given(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw wrongType(field, "a whole number", node);
        }
        long value = node.longValue();
        if (value < min || value > max) {
            throw ApiException.badRequest("field '" + path + field + "' must be between " + min + " and " + max
                    + ", got " + value);
        }
        return Optional.of(value);
    }

    /**
     * A list of strings given either as one comma-separated string ({@code "a,b"}) or as an array of strings
     * ({@code ["a","b"]}), as RabbitMQ accepts tags; entries are trimmed and empty ones dropped.
     */
    public Optional<List<String>> stringList(String field) {
        JsonNode node = given(field);
        if (node == null) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            for (String part : node.textValue().split(",")) {
                addTrimmed(values, part);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                if (!element.isTextual()) {
                    throw ApiException.badRequest("field '" + path + field + "' must be a string or an array of "
                            + "strings, but element " + i + " is " + typeOf(element));
                }
                addTrimmed(values, element.textValue());
            }
        } else {
            throw wrongType(field, "a string or an array of strings", node);
        }
        return Optional.of(List.copyOf(values));
    }

    /** An object field as a map of plain Java values (strings, numbers, booleans, lists, maps), if given. */
    public Optional<Map<String, Object>> object(String field) {
        JsonNode node = given(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw wrongType(field, "an object", node);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            values.put(entry.getKey(), mapper.convertValue(entry.getValue(), Object.class));
        }
        return Optional.of(values);
    }

    /** An object field, if given, read as a body of its own whose fields are named {@code field.name}. */
    public Optional<JsonBody> nested(String field) {
        JsonNode node = given(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof ObjectNode objectNode)) {
            throw wrongType(field, "an object", node);
        }
        return Optional.of(new JsonBody(mapper, objectNode, path + field + "."));
    }

    /**
     * An array of objects, if given (absent: empty), each read as a body of its own whose fields are named
     * {@code field[i].name}.
     */
    public List<JsonBody> objectList(String field) {
        JsonNode node = given(field);
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw wrongType(field, "an array of objects", node);
        }
        List<JsonBody> elements = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (!(element instanceof ObjectNode objectNode)) {
                throw ApiException.badRequest("field '" + path + field + "' must be an array of objects, but "
                        + "element " + i + " is " + typeOf(element));
            }
            elements.add(new JsonBody(mapper, objectNode, path + field + "[" + i + "]."));
        }
        return List.copyOf(elements);
    }

    /** The parsed object, for handlers that need more than single fields. */
    public ObjectNode node() {
        return object;
    }

    private JsonNode given(String field) {
        JsonNode node = object.get(field);
        return node == null || node.isNull() ? null : node;
    }

    private static void addTrimmed(List<String> values, String value) {
        String trimmed = value.strip();
        if (!trimmed.isEmpty()) {
            values.add(trimmed);
        }
    }

    private ApiException missing(String field) {
        return ApiException.badRequest("field '" + path + field + "' is missing");
    }

    private ApiException wrongType(String field, String expected, JsonNode node) {
        return ApiException.badRequest("field '" + path + field + "' must be " + expected + ", got " + typeOf(node));
    }

    static String typeOf(JsonNode node) {
        JsonNodeType type = node.getNodeType();
        return type == JsonNodeType.POJO || type == JsonNodeType.BINARY ? "a value"
                : type.name().toLowerCase(Locale.ROOT);
    }
}
