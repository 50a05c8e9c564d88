package io.warren.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration processor describes {@code spring.warren.*} for IDEs, and Boot finds the auto-configurations. */
class ConfigurationMetadataTest {
    @Test
    void theMetadataDescribesEveryTopLevelProperty() throws IOException {
        String metadata = resourcesNamed("META-INF/spring-configuration-metadata.json").stream()
                .filter(s -> s.contains("\"spring.warren.url\"")).findFirst().orElseThrow();

        for (String property : List.of("url", "mode", "user", "password", "client-id", "prefetch",
                "trusted-packages", "embedded.name", "embedded.data-directory", "queues", "exchanges", "bindings")) {
            assertThat(metadata).contains("\"spring.warren." + property + "\"");
        }
    }

    @Test
    void theAutoConfigurationsAreRegistered() throws IOException {
        String imports = String.join("\n",
                resourcesNamed("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"));

        assertThat(imports).contains(WarrenAutoConfiguration.class.getName(),
                WarrenMetricsAutoConfiguration.class.getName(),
                "io.warren.spring.boot.autoconfigure.health.WarrenHealthContributorAutoConfiguration");
    }

    private static List<String> resourcesNamed(String name) throws IOException {
        List<String> contents = new ArrayList<>();
        for (URL url : Collections.list(getClassLoader().getResources(name))) {
            try (InputStream in = url.openStream()) {
                contents.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return contents;
    }

    private static ClassLoader getClassLoader() {
        return ConfigurationMetadataTest.class.getClassLoader();
    }
}
