package io.warren.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.jms.url.ConnectionUrl;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WarrenExtensionBuilderTest {

    @Test
    void eachExtensionGetsANameOfItsOwnByDefault() {
        WarrenExtension first = WarrenExtension.builder().build();
        WarrenExtension second = WarrenExtension.builder().build();

        assertThat(first.name()).startsWith("warren-junit-").isNotEqualTo(second.name());
        assertThat(first.url()).isEqualTo("vm://" + first.name());
    }

    @Test
    void aNameNoUrlCanCarryIsRefusedSayingWhichCharactersToUse() {
        assertThatThrownBy(() -> WarrenExtension.builder().name("orders/eu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("WarrenExtension name 'orders/eu' cannot name a broker: use letters, digits,"
                        + " '.', '_' or '-'");
    }

    @Test
    void optionsGoIntoTheUrlAndAnUnknownOneIsRefusedNamingIt() {
        WarrenExtension ext = WarrenExtension.builder().name("opts").option("prefetch", "10")
                .option("trustedPackages", "com.acme,org.acme").build();
        assertThat(ConnectionUrl.parse(ext.url()).options())
                .containsEntry("prefetch", "10").containsEntry("trustedPackages", "com.acme,org.acme");

        assertThatThrownBy(() -> WarrenExtension.builder().option("prefech", "10").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option 'prefech'");
    }

    @Test
    void optionsWithABuilderMethodOrThatTheHelpersCannotShareAreRefusedSayingWhatToUse() {
        assertThatThrownBy(() -> WarrenExtension.builder().option("dataDir", "/tmp/x"))
                .hasMessage("WarrenExtension option 'dataDir': use dataDirectory(Path) or persistent()");
        assertThatThrownBy(() -> WarrenExtension.builder().option("clientID", "app"))
                .hasMessageContaining("connectionFactory().setClientID(...)");
    }

    @Test
    void aPersistentBrokerJournalsInATemporaryDirectoryWithoutFsyncUnlessTold() {
        ConnectionUrl temporary = ConnectionUrl.parse(WarrenExtension.builder().persistent().build().url());
        assertThat(temporary.dataDir()).contains("warren-junit-");
        assertThat(Path.of(temporary.dataDir())).isAbsolute().doesNotExist();
        assertThat(temporary.option("sync")).isEqualTo("never");

        ConnectionUrl synced = ConnectionUrl.parse(WarrenExtension.builder().persistent().option("sync", "always")
                .build().url());
        assertThat(synced.option("sync")).isEqualTo("always");
    }

    @Test
    void aDataDirectoryWithSpacesAndAmpersandsSurvivesTheUrl() {
        Path dir = Path.of("/tmp/with space & more+plus");
        WarrenExtension ext = WarrenExtension.builder().dataDirectory(dir).build();

        assertThat(ConnectionUrl.parse(ext.url()).dataDir()).isEqualTo(dir.toString());
        assertThat(ext.dataDirectory()).isEqualTo(dir);
    }
}
