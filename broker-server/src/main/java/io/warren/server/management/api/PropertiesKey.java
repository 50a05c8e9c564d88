package io.warren.server.management.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * A binding's {@code properties_key}: the last path segment that tells apart the bindings between one source
 * and one destination ({@code /api/bindings/{vhost}/e/{source}/q/{queue}/{props}}), as RabbitMQ's does:
 * <ul>
 *   <li>{@code ~} for the empty routing key without arguments;</li>
 *   <li>the routing key without arguments, with {@code %} written {@code %25} and {@code ~} written {@code %7E}
 *       so that no key can be mistaken for another;</li>
 *   <li>with arguments, that escaped routing key, {@code ~}, and a hash of the arguments: the first 8 bytes
 *       of SHA-256 over the arguments written as JSON with map keys sorted, in URL-safe base64 without padding
 *       (11 characters).</li>
 * </ul>
 * The key depends only on the routing key and the arguments' JSON, so it is the same on every node and after
 * a restart; arguments whose JSON is equal (an int and a long of the same value) share a key. A client finds
 * the key in the binding's JSON and must percent-encode it when it puts it in a path. Stateless.
 */
final class PropertiesKey {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final int HASH_BYTES = 8;

    private PropertiesKey() {
    }

    /** The key of a binding with {@code routingKey} and {@code arguments}. */
    static String of(String routingKey, Map<String, Object> arguments) {
        boolean noArguments = arguments == null || arguments.isEmpty();
        if (noArguments) {
            return routingKey.isEmpty() ? "~" : escape(routingKey);
        }
        return escape(routingKey) + "~" + hash(arguments);
    }

    private static String escape(String routingKey) {
        return routingKey.replace("%", "%25").replace("~", "%7E");
    }

    private static String hash(Map<String, Object> arguments) {
        try {
            byte[] json = CANONICAL.writeValueAsString(arguments).getBytes(StandardCharsets.UTF_8);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, HASH_BYTES));
        } catch (JsonProcessingException e) {
            // Arguments hold only the engine's value types, all of which Jackson writes.
            throw new IllegalStateException("cannot write binding arguments as JSON: " + e.getOriginalMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
