package io.warren.spring.boot.autoconfigure;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Boot's {@code spring.jms.cache.*} properties (consumers, producers, session-cache-size), read here rather than
 * through Boot's {@code JmsProperties}, whose package differs between Boot 3 and Boot 4. Defaults are Boot's.
 */
public class JmsCacheSettings {
    private boolean consumers = false;
    private boolean producers = true;
    private int sessionCacheSize = 1;

    /** The settings as the environment has them. */
    static JmsCacheSettings of(Environment environment) {
        return Binder.get(environment).bind("spring.jms.cache", JmsCacheSettings.class)
                .orElseGet(JmsCacheSettings::new);
    }

    /** Applies the settings to a caching factory. */
    void applyTo(CachingConnectionFactory factory) {
        factory.setCacheConsumers(consumers);
        factory.setCacheProducers(producers);
        factory.setSessionCacheSize(sessionCacheSize);
    }

    public boolean isConsumers() {
        return consumers;
    }

    public void setConsumers(boolean consumers) {
        this.consumers = consumers;
    }

    public boolean isProducers() {
        return producers;
    }

    public void setProducers(boolean producers) {
        this.producers = producers;
    }

    public int getSessionCacheSize() {
        return sessionCacheSize;
    }

    public void setSessionCacheSize(int sessionCacheSize) {
        this.sessionCacheSize = sessionCacheSize;
    }
}
