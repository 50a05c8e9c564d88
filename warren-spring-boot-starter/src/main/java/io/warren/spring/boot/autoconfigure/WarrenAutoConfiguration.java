package io.warren.spring.boot.autoconfigure;

import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.ConnectionFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Gives the application a Warren {@link ConnectionFactory}, as Boot's Artemis support does with
 * {@code spring.artemis.mode=embedded}: with no configuration an embedded in-memory broker and a factory for it;
 * with {@code spring.warren.url=amqp://...} a factory for a remote broker. Boot's JMS auto-configuration, which runs
 * after this one, builds {@code JmsTemplate} and the {@code @JmsListener} container factory on it.
 *
 * <p>Beans: {@code warrenConnectionFactory}, the {@link WarrenConnectionFactory} itself (listener containers use
 * it); {@code jmsConnectionFactory}, a primary {@link CachingConnectionFactory} over it for {@code JmsTemplate},
 * configured by {@code spring.jms.cache.*} (none when {@code spring.jms.cache.enabled=false}); in embedded mode
 * {@code warrenEmbeddedBroker}, the {@link EmbeddedWarrenBroker}. Backs off when the application defines its own
 * {@code ConnectionFactory}.
 *
 * <p>Boot's JMS auto-configuration is named by class name: it is
 * {@code org.springframework.boot.autoconfigure.jms.JmsAutoConfiguration} in Boot 3 and
 * {@code org.springframework.boot.jms.autoconfigure.JmsAutoConfiguration} in Boot 4.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.autoconfigure.jms.JmsAutoConfiguration",
        "org.springframework.boot.jms.autoconfigure.JmsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.jms.JmsHealthContributorAutoConfiguration",
        "org.springframework.boot.jms.autoconfigure.health.JmsHealthContributorAutoConfiguration"})
@ConditionalOnClass({ConnectionFactory.class, WarrenConnectionFactory.class})
@ConditionalOnMissingBean(ConnectionFactory.class)
@EnableConfigurationProperties(WarrenProperties.class)
@Import({WarrenAutoConfiguration.Embedded.class, WarrenAutoConfiguration.Remote.class,
        WarrenAutoConfiguration.Caching.class})
public class WarrenAutoConfiguration {
    /** Name of the bean holding the {@link WarrenConnectionFactory} itself. */
    public static final String WARREN_CONNECTION_FACTORY = "warrenConnectionFactory";

    /** A broker in this JVM, started and stopped with the context. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWarrenMode(WarrenMode.EMBEDDED)
    static class Embedded {
        @Bean
        EmbeddedWarrenBroker warrenEmbeddedBroker(WarrenProperties properties, Environment environment) {
            return new EmbeddedWarrenBroker(properties, environment.getProperty("spring.application.name"));
        }

        @Bean(WARREN_CONNECTION_FACTORY)
        WarrenConnectionFactory warrenConnectionFactory(WarrenProperties properties, EmbeddedWarrenBroker broker) {
            return WarrenConnectionFactories.create(broker.url(), properties);
        }
    }

    /** A Warren server or RabbitMQ over AMQP. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWarrenMode(WarrenMode.REMOTE)
    static class Remote {
        @Bean
        RemoteTopology warrenRemoteTopology(WarrenProperties properties) {
            return new RemoteTopology(properties);
        }

        @Bean(WARREN_CONNECTION_FACTORY)
        WarrenConnectionFactory warrenConnectionFactory(WarrenProperties properties, RemoteTopology topology) {
            return WarrenConnectionFactories.create(properties.getUrl(), properties);
        }
    }

    /** One shared connection with cached sessions and producers, for {@code JmsTemplate}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(CachingConnectionFactory.class)
    @ConditionalOnProperty(prefix = "spring.jms.cache", name = "enabled", havingValue = "true", matchIfMissing = true)
    static class Caching {
        @Bean
        @Primary
        CachingConnectionFactory jmsConnectionFactory(
                @Qualifier(WARREN_CONNECTION_FACTORY) WarrenConnectionFactory warren, Environment environment) {
            CachingConnectionFactory caching = new CachingConnectionFactory(warren);
            JmsCacheSettings.of(environment).applyTo(caching);
            return caching;
        }
    }
}
