/**
 * The JMS message selector language: {@link io.warren.broker.selector.Selector} parses a selector once into an
 * immutable tree of expression nodes that evaluates against any {@link io.warren.broker.selector.EvaluationContext}.
 */
package io.warren.broker.selector;
