package io.warren.spring.boot.autoconfigure;

import java.util.Map;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.context.ApplicationContext;

/** Reads the {@code warren} component of the actuator's health endpoint (Boot 4 API). */
final class HealthProbe {
    record Result(String status, Map<String, Object> details) {
    }

    private HealthProbe() {
    }

    /** The {@code warren} health, as {@code /actuator/health/warren} shows it; null when there is none. */
    static Result warren(ApplicationContext context) {
        HealthDescriptor descriptor = context.getBean(HealthEndpoint.class).healthForPath("warren");
        if (descriptor == null) {
            return null;
        }
        return new Result(descriptor.getStatus().getCode(), ((IndicatedHealthDescriptor) descriptor).getDetails());
    }
}
