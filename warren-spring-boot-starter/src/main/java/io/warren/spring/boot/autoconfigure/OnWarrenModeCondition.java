package io.warren.spring.boot.autoconfigure;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The condition of {@link ConditionalOnWarrenMode}. A malformed URL counts as embedded here; the properties'
 * validation then stops the start-up with a message naming it.
 */
class OnWarrenModeCondition extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnWarrenMode.class.getName());
        WarrenMode wanted = (WarrenMode) attributes.get("value");
        Binder binder = Binder.get(context.getEnvironment());
        WarrenMode configured = binder.bind(WarrenProperties.PREFIX + ".mode", WarrenMode.class).orElse(null);
        String url = binder.bind(WarrenProperties.PREFIX + ".url", String.class).orElse(null);
        WarrenMode mode;
        try {
            mode = WarrenMode.resolve(configured, url);
        } catch (IllegalArgumentException e) {
            mode = WarrenMode.EMBEDDED;
        }
        String message = "Warren mode is " + mode + (configured != null ? " (spring.warren.mode)"
                : url != null ? " (from spring.warren.url)" : " (no spring.warren.url)");
        return mode == wanted ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
    }
}
