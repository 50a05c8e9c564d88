package io.warren.spring.boot.autoconfigure;

import io.warren.jms.WarrenConnectionFactory;

/** Makes the application's {@link WarrenConnectionFactory}: a URL plus the client options of the properties. */
final class WarrenConnectionFactories {
    private WarrenConnectionFactories() {
    }

    static WarrenConnectionFactory create(String url, WarrenProperties properties) {
        WarrenConnectionFactory factory = new WarrenConnectionFactory(url);
        if (properties.getClientId() != null) {
            factory.setClientID(properties.getClientId());
        }
        if (properties.getPrefetch() != null) {
            factory.setPrefetch(properties.getPrefetch());
        }
        if (properties.getTrustedPackages() != null) {
            factory.setTrustedPackages(properties.getTrustedPackages());
        }
        if (properties.getUser() != null) {
            factory.setUser(properties.getUser());
        }
        if (properties.getPassword() != null) {
            factory.setPassword(properties.getPassword());
        }
        return factory;
    }
}
