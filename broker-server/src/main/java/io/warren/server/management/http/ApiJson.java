package io.warren.server.management.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The management API's JSON conventions: property names in snake_case as RabbitMQ writes them (a record
 * component {@code messagesReady} is written {@code messages_ready}), strict parsing (duplicate fields and
 * trailing text are errors), and parse failures reported as 400 with Jackson's reason and the line and
 * column. Stateless; the mapper it makes is thread-safe and meant to be shared.
 */
public final class ApiJson {

    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;]*; line: (\\d+), column: (\\d+)]");

    private ApiJson() {
    }

    /** A mapper configured for the API; make one per server and share it. */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    /**
     * Parses {@code body} as one JSON value.
     *
     * @throws ApiException 400 naming what is wrong and where, e.g. {@code "body is not valid JSON:
     *     Unexpected character ('}' (code 125)) ... at line 1, column 12"}
     */
    static JsonNode parse(ObjectMapper mapper, byte[] body) {
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(
                    "body is not valid JSON: " + withoutSource(e.getOriginalMessage()) + where(e));
        } catch (IOException e) {
            // A byte array cannot fail to be read; keep the promise of a 400 all the same.
            throw ApiException.badRequest("body could not be read as JSON: " + e.getMessage());
        }
    }

    /** Jackson names an earlier position as {@code [Source: REDACTED (...); line: 1, column: 1]}; keep the position. */
    private static String withoutSource(String message) {
        return SOURCE.matcher(message).replaceAll("line $1, column $2");
    }

    private static String where(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
