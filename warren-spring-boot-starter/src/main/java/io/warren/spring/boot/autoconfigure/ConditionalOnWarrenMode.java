package io.warren.spring.boot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when Warren runs in the given mode: {@code spring.warren.mode}, else the mode {@code spring.warren.url}
 * implies (none or {@code vm://} is embedded, {@code amqp://} remote).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnWarrenModeCondition.class)
@interface ConditionalOnWarrenMode {
    WarrenMode value();
}
