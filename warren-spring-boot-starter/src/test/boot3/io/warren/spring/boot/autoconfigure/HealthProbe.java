package io.warren.spring.boot.autoconfigure;

import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.ApplicationContext;

/** Reads the {@code warren} component of the actuator's health endpoint (Boot 3 API). */
final class HealthProbe {
    record Result(String status, Map<String, Object> details) {
    }

    private HealthProbe() {
    }

    /** The {@code warren} health, as {@code /actuator/health/warren} shows it; null when there is none. */
    static Result warren(ApplicationContext context) {
        HealthComponent component = context.getBean(HealthEndpoint.class).healthForPath("warren");
        if (component == null) {
            return null;
        }
        return new Result(component.getStatus().getCode(), ((Health) component).getDetails());
    }
}
