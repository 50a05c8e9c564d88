/**
 * The {@code warren} health indicator: {@code WarrenHealthCheck} decides UP or DOWN and the details; the
 * indicator and its auto-configuration, which use Boot's health API, come from {@code src/main/boot3} (Boot 3,
 * {@code org.springframework.boot.actuate.health}) or {@code src/main/boot4} (Boot 4,
 * {@code org.springframework.boot.health.contributor}).
 */
package io.warren.spring.boot.autoconfigure.health;
