package io.warren.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;

/** {@code spring.jms.cache.*} shapes the factory JmsTemplate gets, as with Boot's Artemis support. */
class ConnectionFactoryCachingTest {
    @Test
    void cacheSettingsReachTheCachingFactory() throws InterruptedException {
        try (ConfigurableApplicationContext context = TestApplications.run("spring.jms.cache.session-cache-size=5",
                "spring.jms.cache.consumers=true", "spring.jms.cache.producers=false")) {
            CachingConnectionFactory caching = (CachingConnectionFactory) context.getBean(ConnectionFactory.class);

            assertThat(caching.getSessionCacheSize()).isEqualTo(5);
            assertThat(caching.isCacheConsumers()).isTrue();
            assertThat(caching.isCacheProducers()).isFalse();
            TestApplications.assertRoundTrip(context, "through a 5-session cache");
        }
    }

    @Test
    void withTheCacheDisabledTheApplicationGetsTheWarrenFactoryItself() throws InterruptedException {
        try (ConfigurableApplicationContext context = TestApplications.run("spring.jms.cache.enabled=false")) {
            ConnectionFactory factory = context.getBean(ConnectionFactory.class);

            assertThat(factory).isInstanceOf(WarrenConnectionFactory.class);
            assertThat(context.getBeansOfType(CachingConnectionFactory.class)).isEmpty();
            assertThat(context.getBean(JmsTemplate.class).getConnectionFactory()).isSameAs(factory);
            TestApplications.assertRoundTrip(context, "without a cache");
        }
    }
}
