package io.warren.spring.boot.autoconfigure;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.warren.metrics.BrokerMetrics;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Publishes the embedded broker's meters ({@code warren.queue.messages.ready}, ... see {@link BrokerMetrics}) when
 * Micrometer and {@code broker-metrics} are on the classpath: {@link BrokerMetrics} is a {@link MeterBinder} bean,
 * which Boot's metrics auto-configuration binds to the application's {@code MeterRegistry}. Its meters are removed
 * when the context closes, before the broker stops. A remote broker publishes its own (Prometheus endpoint).
 */
@AutoConfiguration(after = WarrenAutoConfiguration.class)
@ConditionalOnClass({MeterBinder.class, BrokerMetrics.class})
@ConditionalOnBean(EmbeddedWarrenBroker.class)
public class WarrenMetricsAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean(BrokerMetrics.class)
    BrokerMetrics warrenBrokerMetrics(EmbeddedWarrenBroker broker) {
        return new BrokerMetrics(broker.broker());
    }
}
