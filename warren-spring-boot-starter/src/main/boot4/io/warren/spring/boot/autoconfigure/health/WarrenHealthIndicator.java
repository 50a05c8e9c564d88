package io.warren.spring.boot.autoconfigure.health;

import io.warren.jms.WarrenConnectionFactory;
import io.warren.spring.boot.autoconfigure.EmbeddedWarrenBroker;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code warren} health indicator for Boot 4 (spring-boot-health): UP or DOWN with the broker's details, as
 * {@link WarrenHealthCheck} finds them. A failed check is DOWN with the error.
 */
public class WarrenHealthIndicator extends AbstractHealthIndicator {
    private final WarrenHealthCheck check;

    /** @param embedded the embedded broker, or null in remote mode */
    public WarrenHealthIndicator(WarrenConnectionFactory factory, EmbeddedWarrenBroker embedded) {
        super("Warren health check failed");
        this.check = new WarrenHealthCheck(factory, embedded);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        WarrenHealthCheck.Report report = check.check();
        (report.up() ? builder.up() : builder.down()).withDetails(report.details());
    }
}
