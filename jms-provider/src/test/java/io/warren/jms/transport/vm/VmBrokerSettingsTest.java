package io.warren.jms.transport.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.url.ConnectionUrl;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code vm://NAME?options} URL that names a running broker joins it only if the broker options it gives
 * ({@code dataDir}, {@code persistent}, {@code sync}, {@code jmx}, the paging options) agree with the broker's;
 * otherwise it fails naming each option with both values.
 */
class VmBrokerSettingsTest {
    private final String name = "vm-settings-" + UUID.randomUUID().toString().substring(0, 8);
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        VmBrokers.stop(name);
    }

    private Broker acquire(String options) {
        return VmBrokers.acquire(ConnectionUrl.parse("vm://" + name + (options.isEmpty() ? "" : "?" + options)));
    }

    @Test
    void aDataDirTheRunningInMemoryBrokerLacksFailsNamingBothValues() {
        acquire("jmx=false");

        assertThatThrownBy(() -> acquire("dataDir=" + dir + "&jmx=false"))
                .isInstanceOf(BrokerSettingsMismatchException.class)
                .hasMessageContaining("vm://" + name + " already runs with other settings")
                .hasMessageContaining("dataDir: the running broker has none (state in memory), this URL '"
                        + dir.toAbsolutePath().normalize() + "'")
                .hasMessageContaining("VmBrokers.stop(\"" + name + "\")");
    }

    @Test
    void anotherSyncPolicyOnABrokerWithAJournalFails() {
        acquire("dataDir=" + dir + "&sync=always&jmx=false");

        assertThatThrownBy(() -> acquire("dataDir=" + dir + "&sync=never"))
                .isInstanceOf(BrokerSettingsMismatchException.class)
                .hasMessageContaining("sync: the running broker has always, this URL never")
                .hasMessageNotContaining("dataDir:");
    }

    @Test
    void persistentFalseAgainstABrokerWithADataDirFails() {
        acquire("dataDir=" + dir + "&jmx=false");

        assertThatThrownBy(() -> acquire("persistent=false"))
                .isInstanceOf(BrokerSettingsMismatchException.class)
                .hasMessageContaining("dataDir: the running broker has '" + dir.toAbsolutePath().normalize()
                        + "', this URL none (state in memory)");
    }

    @Test
    void anotherJmxSettingFailsAndEveryDifferenceIsListed() {
        acquire("jmx=false");

        assertThatThrownBy(() -> acquire("jmx=true&dataDir=" + dir))
                .isInstanceOf(BrokerSettingsMismatchException.class)
                .hasMessageContaining("jmx: the running broker has false, this URL true")
                .hasMessageContaining("dataDir: the running broker has none");
    }

    @Test
    void pagingOptionsStartTheBrokerWithThemAndUnsetOnesKeepTheEngineDefaults() {
        BrokerConfig config = acquire("jmx=false&pagingWatermark=0.75&queuePagingThreshold=8MiB&pagingMaxDisk=1GB"
                + "&pageFileSize=64k&pagingReadAhead=32").config();

        assertThat(config.paging()).isTrue();
        assertThat(config.pagingWatermark()).isEqualTo(0.75);
        assertThat(config.queuePagingThreshold()).isEqualTo(8L << 20);
        assertThat(config.pagingMaxDisk()).isEqualTo(1_000_000_000L);
        assertThat(config.pageFileSize()).isEqualTo(64L << 10);
        assertThat(config.pagingReadAhead()).isEqualTo(32);
        VmBrokers.stop(name);
        BrokerConfig defaults = BrokerConfig.builder(name).build();
        BrokerConfig off = acquire("jmx=false&paging=false").config();
        assertThat(off.paging()).isFalse();
        assertThat(off.pagingWatermark()).isEqualTo(defaults.pagingWatermark());
        assertThat(off.queuePagingThreshold()).isEqualTo(defaults.queuePagingThreshold());
        assertThat(off.pagingMaxDisk()).isEqualTo(defaults.pagingMaxDisk());
        assertThat(off.pageFileSize()).isEqualTo(defaults.pageFileSize());
        assertThat(off.pagingReadAhead()).isEqualTo(defaults.pagingReadAhead());
    }

    @Test
    void otherPagingOptionsThanTheRunningBrokersFailNamingEachWithBothValues() {
        Broker running = acquire("jmx=false&pageFileSize=1MiB");

        assertThat(acquire("pageFileSize=1048576&paging=true")).isSameAs(running);
        assertThatThrownBy(() -> acquire("pageFileSize=2MiB&paging=false&pagingMaxDisk=10GB"))
                .isInstanceOf(BrokerSettingsMismatchException.class)
                .hasMessageContaining("pageFileSize: the running broker has 1048576, this URL 2097152")
                .hasMessageContaining("paging: the running broker has true, this URL false")
                .hasMessageContaining("pagingMaxDisk: the running broker has the default (half the free disk), this"
                        + " URL 10000000000");
    }

    @Test
    void aBadPagingOptionFailsWhenTheFactoryIsMadeNamingTheOptionAndItsRange() {
        assertThatThrownBy(() -> new WarrenConnectionFactory("vm://" + name + "?pageFileSize=100"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("option pageFileSize in connection URL")
                .hasMessageContaining("must be a size of 1024..2147483647 bytes")
                .hasMessageEndingWith("was '100'");
        assertThat(VmBrokers.get(name)).isNull();
    }

    @Test
    void aUrlWithoutBrokerOptionsJoinsTheBrokerAsItRuns() {
        Broker running = acquire("dataDir=" + dir + "&sync=never&jmx=false");

        assertThat(acquire("")).isSameAs(running);
        assertThat(acquire("clientID=c1&prefetch=5&virtualHost=/")).isSameAs(running);
    }

    @Test
    void aUrlWithTheSameBrokerOptionsJoinsEvenWhenItSpellsThemDifferently() {
        Broker running = acquire("dataDir=" + dir + "&jmx=false");

        assertThat(acquire("dataDir=" + dir.resolve("sub/..") + "&sync=always&jmx=false&persistent=true"))
                .isSameAs(running);
    }

    @Test
    void theSyncPolicyDoesNotCountForABrokerWithoutAJournal() {
        Broker running = acquire("jmx=false");

        assertThat(acquire("sync=never&persistent=false")).isSameAs(running);
    }

    @Test
    void aConnectionToABrokerWithOtherSettingsFailsWithAJmsExceptionCarryingPreconditionFailed() {
        acquire("jmx=false");
        WarrenConnectionFactory factory = new WarrenConnectionFactory("vm://" + name + "?jmx=true");

        assertThatThrownBy(factory::createConnection).isInstanceOf(JMSException.class)
                .hasMessageContaining("jmx: the running broker has false, this URL true")
                .satisfies(e -> assertThat(((JMSException) e).getErrorCode())
                        .isEqualTo(BrokerSettingsMismatchException.ERROR_CODE));
        assertThatThrownBy(factory::createContext).isInstanceOf(JMSRuntimeException.class)
                .hasMessageContaining("jmx: the running broker has false, this URL true");
    }

    @Test
    void aStoppedBrokerStartsAgainWithTheNextUrlsSettings() throws Exception {
        acquire("jmx=false");
        VmBrokers.stop(name);

        WarrenConnectionFactory factory = new WarrenConnectionFactory("vm://" + name + "?dataDir=" + dir
                + "&jmx=false");
        try (Connection c = factory.createConnection()) {
            assertThat(c.getMetaData().getJMSProviderName()).isNotEmpty();
            assertThat(VmBrokers.get(name).config().dataDirectory()).isEqualTo(dir.toAbsolutePath().normalize());
        }
    }
}
