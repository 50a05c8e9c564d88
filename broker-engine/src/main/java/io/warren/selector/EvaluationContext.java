package io.warren.selector;

/**
 * What a selector reads from a message: the value of an identifier. Identifiers are JMS header names
 * ({@code JMSPriority}, {@code JMSType}, ...), {@code JMSX} properties and application property names.
 */
@FunctionalInterface
public interface EvaluationContext {
    /**
     * The identifier's value: a {@link Boolean}, {@link Byte}, {@link Short}, {@link Integer}, {@link Long},
     * {@link Float}, {@link Double} or {@link String}; {@code null} when the message has no such property.
     * Any other type is treated by the selector as a value of unknown type (comparisons yield UNKNOWN).
     */
    Object identifier(String name);
}
