package io.warren.server.management.http;

import io.warren.broker.BrokerException;
import io.warren.broker.security.AccessRefusedException;
import java.util.Map;

/**
 * Translates what a {@link Handler} throws into the answer the client gets: an {@link ApiException} as it
 * is, an engine {@link BrokerException} by its error code (not found 404, precondition failed and resource
 * locked 409, invalid argument 400, access refused 403, resource error 503, store error 500), and an {@link
 * AccessRefusedException} from {@code AccessControl} as 403 with its reason. Anything else is unexpected and
 * has no translation. Stateless.
 */
final class Failures {

    private Failures() {
    }

    /** The client's answer for {@code failure}, or null if it is unexpected (a bug or an outage). */
    static ApiException translate(Throwable failure) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof AccessRefusedException refused) {
            return ApiException.accessRefused(refused.getMessage());
        }
        if (failure instanceof BrokerException broker) {
            String reason = broker.getMessage();
            return switch (broker.code()) {
                case NOT_FOUND -> ApiException.notFound(reason);
                case PRECONDITION_FAILED -> ApiException.conflict("precondition_failed", reason);
                case RESOURCE_LOCKED -> ApiException.conflict("resource_locked", reason);
                case ILLEGAL_STATE -> ApiException.conflict("illegal_state", reason);
                case INVALID_ARGUMENT, SYNTAX_ERROR -> ApiException.badRequest(reason);
                case ACCESS_REFUSED -> ApiException.accessRefused(reason);
                case RESOURCE_ERROR -> new ApiException(503, "resource_error", reason, Map.of());
                case STORE_ERROR -> new ApiException(500, "store_error", reason, Map.of());
            };
        }
        return null;
    }
}
