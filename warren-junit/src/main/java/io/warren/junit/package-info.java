/**
 * A JUnit 5 extension that gives a test class, or each test, an in-JVM Warren broker of its own
 * ({@link io.warren.junit.WarrenExtension}), with helpers to send, receive, browse and count messages.
 */
package io.warren.junit;
