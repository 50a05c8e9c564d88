package io.warren.tck.glassfish;

import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.enricher.resource.ResourceProvider;

/**
 * Registers {@link WarrenArchiveProcessor} with Arquillian: the TCK's deployment methods take a
 * {@code TestArchiveProcessor} as an {@code @ArquillianResource} and hand it every archive they build. Loaded by
 * Arquillian's service loader in the test JVM, before the first deployment.
 */
public final class WarrenGlassFishExtension implements LoadableExtension {
    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(ResourceProvider.class, WarrenArchiveProcessor.class);
        builder.observer(WarrenArchiveProcessor.class);
    }
}
