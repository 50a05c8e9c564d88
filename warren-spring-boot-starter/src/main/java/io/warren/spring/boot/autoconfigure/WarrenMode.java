package io.warren.spring.boot.autoconfigure;

import io.warren.jms.url.ConnectionUrl;

/** Where the application's broker runs: in this JVM, or elsewhere reached over AMQP. */
public enum WarrenMode {
    /** A broker in this JVM ({@code vm://}), started and stopped with the application context. */
    EMBEDDED,
    /** A Warren server or RabbitMQ reached over the network ({@code amqp://}, {@code amqps://}). */
    REMOTE;

    /** The mode a URL implies: {@code vm://} is embedded, anything else remote; no URL means embedded. */
    static WarrenMode of(String url) {
        if (url == null || url.isBlank()) {
            return EMBEDDED;
        }
        return ConnectionUrl.parse(url).isVm() ? EMBEDDED : REMOTE;
    }

    /** The configured mode, else the one the URL implies. */
    static WarrenMode resolve(WarrenMode configured, String url) {
        return configured != null ? configured : of(url);
    }
}
