package io.warren.server.management.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodyTest {
    private final ObjectMapper mapper = ApiJson.newMapper();

    private JsonBody body(String json) {
        return JsonBody.parse(mapper, json.getBytes(UTF_8), false);
    }

    private static void assertBadRequest(Runnable call, String reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.error()).isEqualTo("bad_request");
            assertThat(e.reason()).isEqualTo(reason);
        });
    }

    @Test
    void fieldsAreReadWithTheirTypes() {
        JsonBody body = body("{\"s\":\"x\",\"b\":true,\"n\":7,\"o\":{\"k\":[1,\"v\"]},\"z\":null}");

        assertThat(body.string("s")).contains("x");
        assertThat(body.bool("b")).contains(true);
        assertThat(body.integer("n", 0, 10)).contains(7L);
        assertThat(body.object("o")).contains(Map.of("k", List.of(1, "v")));
        assertThat(body.string("z")).isEmpty();
        assertThat(body.has("z")).isFalse();
        assertThat(body.string("absent")).isEmpty();
    }

    @Test
    void aWrongTypeNamesTheFieldAndWhatWasSent() {
        assertBadRequest(() -> body("{\"durable\":\"yes\"}").bool("durable"),
                "field 'durable' must be true or false, got string");
        assertBadRequest(() -> body("{\"count\":1.5}").integer("count", 0, 10),
                "field 'count' must be a whole number, got number");
        assertBadRequest(() -> body("{\"count\":11}").integer("count", 0, 10),
                "field 'count' must be between 0 and 10, got 11");
        assertBadRequest(() -> body("{\"arguments\":[]}").object("arguments"),
                "field 'arguments' must be an object, got array");
    }

    @Test
    void aRequiredFieldThatIsMissingIsNamed() {
        assertBadRequest(() -> body("{}").requiredString("read"), "field 'read' is missing");
    }

    @Test
    void aListIsACommaSeparatedStringOrAnArrayOfStrings() {
        assertThat(body("{\"tags\":\" a, b ,,\"}").stringList("tags")).contains(List.of("a", "b"));
        assertThat(body("{\"tags\":[\"a\",\" b \"]}").stringList("tags")).contains(List.of("a", "b"));
        assertThat(body("{\"tags\":\"\"}").stringList("tags")).contains(List.of());
        assertBadRequest(() -> body("{\"tags\":true}").stringList("tags"),
                "field 'tags' must be a string or an array of strings, got boolean");
    }

    @Test
    void fieldsOfNestedObjectsAreNamedByTheirPath() {
        JsonBody properties = body("{\"properties\":{\"priority\":\"high\"}}").nested("properties").orElseThrow();
        List<JsonBody> queues = body("{\"queues\":[{\"name\":\"a\"},{\"durable\":1}]}").objectList("queues");

        assertBadRequest(() -> properties.integer("priority", 0, 9),
                "field 'properties.priority' must be a whole number, got string");
        assertThat(queues).hasSize(2);
        assertThat(queues.get(0).requiredString("name")).isEqualTo("a");
        assertBadRequest(() -> queues.get(1).bool("durable"),
                "field 'queues[1].durable' must be true or false, got number");
        assertBadRequest(() -> queues.get(1).requiredString("name"), "field 'queues[1].name' is missing");
    }

    @Test
    void nestedObjectsAndListsMustHaveTheirShape() {
        assertThat(body("{}").nested("properties")).isEmpty();
        assertThat(body("{}").objectList("queues")).isEmpty();
        assertBadRequest(() -> body("{\"properties\":[]}").nested("properties"),
                "field 'properties' must be an object, got array");
        assertBadRequest(() -> body("{\"queues\":{}}").objectList("queues"),
                "field 'queues' must be an array of objects, got object");
        assertBadRequest(() -> body("{\"queues\":[{},3]}").objectList("queues"),
                "field 'queues' must be an array of objects, but element 1 is number");
    }

    @Test
    void malformedJsonIsABadRequestWithItsPosition() {
        assertThatThrownBy(() -> body("{\"a\":\n  tru}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.reason())
                        .startsWith("body is not valid JSON: ").contains("at line 2, column"));
    }

    @Test
    void anUnclosedObjectNamesWhereItStartedWithoutJacksonsSourceNote() {
        assertThatThrownBy(() -> body("{\"password\":\"x\""))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.reason())
                        .isEqualTo("body is not valid JSON: Unexpected end-of-input: expected close marker for "
                                + "Object (start marker at line 1, column 1) at line 1, column 16"));
    }

    @Test
    void trailingTextAndDuplicateFieldsAreRefused() {
        assertThatThrownBy(() -> body("{} {}")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> body("{\"a\":1,\"a\":2}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.reason()).contains("'a'"));
    }

    @Test
    void anEmptyBodyIsAnEmptyObjectOnlyWhereAllowed() {
        assertThat(JsonBody.parse(mapper, " \n".getBytes(UTF_8), true).has("x")).isFalse();
        assertBadRequest(() -> JsonBody.parse(mapper, new byte[0], false), "body is empty; expected a JSON object");
    }
}
