/**
 * The JMS message selector language: {@link io.warren.selector.Selector} parses a selector once into an
 * immutable tree of expression nodes that evaluates against any {@link io.warren.selector.EvaluationContext}.
 */
package io.warren.selector;
