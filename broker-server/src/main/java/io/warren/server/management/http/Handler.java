package io.warren.server.management.http;

/**
 * Answers the requests of one route. Runs on the management executor, never on a Netty event loop, so it
 * may call the engine and block briefly; the user is already authenticated and admitted by the route's
 * {@link Access}. Throw {@link ApiException} for an answer other than success; {@code BrokerException} and
 * {@code AccessRefusedException} are translated to their HTTP status, and anything else becomes a 500 with a
 * short reason (the stack trace goes to the log only).
 */
@FunctionalInterface
public interface Handler {

    /** The response to {@code request}. */
    ApiResponse handle(ApiRequest request) throws Exception;
}
