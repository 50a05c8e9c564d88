package io.warren.spring.boot.autoconfigure.health;

import io.warren.jms.WarrenConnectionFactory;
import io.warren.spring.boot.autoconfigure.EmbeddedWarrenBroker;
import io.warren.spring.boot.autoconfigure.WarrenAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Adds the {@code warren} health indicator (Boot 4 (spring-boot-health)) when the Warren auto-configuration made the connection
 * factory; {@code management.health.warren.enabled=false} turns it off.
 */
@AutoConfiguration(after = WarrenAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(name = WarrenAutoConfiguration.WARREN_CONNECTION_FACTORY)
@ConditionalOnEnabledHealthIndicator("warren")
public class WarrenHealthContributorAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean(name = "warrenHealthIndicator")
    WarrenHealthIndicator warrenHealthIndicator(
            @Qualifier(WarrenAutoConfiguration.WARREN_CONNECTION_FACTORY) WarrenConnectionFactory factory,
            ObjectProvider<EmbeddedWarrenBroker> embedded) {
        return new WarrenHealthIndicator(factory, embedded.getIfAvailable());
    }
}
