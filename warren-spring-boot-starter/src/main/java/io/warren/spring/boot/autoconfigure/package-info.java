/**
 * Spring Boot auto-configuration for Warren: {@link io.warren.spring.boot.autoconfigure.WarrenAutoConfiguration}
 * (the connection factory, the embedded broker, start-up topology), bound from
 * {@link io.warren.spring.boot.autoconfigure.WarrenProperties} ({@code spring.warren.*}), and
 * {@link io.warren.spring.boot.autoconfigure.WarrenMetricsAutoConfiguration} (the broker's meters). Nothing here
 * names a class that moved between Boot 3 and Boot 4; what differs (health) is in the {@code health} package,
 * compiled from {@code src/main/boot3} or {@code src/main/boot4}.
 */
package io.warren.spring.boot.autoconfigure;
