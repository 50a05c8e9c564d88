package io.warren.jms.transport.vm;

import io.warren.broker.BrokerConfig;
import io.warren.broker.store.journal.SyncPolicy;
import io.warren.jms.url.ConnectionUrl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a {@code vm://} URL's broker options ({@link ConnectionUrl#brokerOptions()}) say about the in-JVM broker:
 * where it keeps durable state, how its journal syncs, whether it registers MBeans ({@link PagingOptions} has the
 * paging ones). The first URL to name a broker starts it with these; {@link #differences} tells a later URL that
 * asks for something else from the broker that runs, so that it fails instead of silently getting another broker
 * than it describes.
 *
 * @param dataDir the journal's directory, absolute and normalised; null for a broker that keeps state in memory
 * @param sync    how the journal syncs
 * @param jmx     whether the broker registers its MBeans
 */
record BrokerSettings(Path dataDir, SyncPolicy sync, boolean jmx) {

    /** The settings a URL asks for, its defaults filled in. */
    static BrokerSettings of(ConnectionUrl url) {
        String sync = url.option("sync");
        return new BrokerSettings(url.persistent() ? normal(Path.of(url.dataDir())) : null,
                sync == null ? SyncPolicy.ALWAYS : SyncPolicy.valueOf(sync.toUpperCase(Locale.ROOT)),
                url.booleanOption("jmx", true));
    }

    /** The settings a running broker was started with. */
    static BrokerSettings of(BrokerConfig config) {
        return new BrokerSettings(config.dataDirectory() == null ? null : normal(config.dataDirectory()),
                config.syncPolicy(), config.jmx());
    }

    /** A configuration for a broker called {@code name} with these settings, to which more may be added. */
    BrokerConfig.Builder builder(String name) {
        BrokerConfig.Builder b = BrokerConfig.builder(name).syncPolicy(sync).jmx(jmx);
        if (dataDir != null) {
            b.dataDirectory(dataDir);
        }
        return b;
    }

    /**
     * How the broker options {@code url} gives differ from {@code running}, one {@code "OPTION: running broker
     * has A, this URL has B"} per difference; empty when they agree. Options the URL leaves out are not compared:
     * such a URL joins the broker as it runs. The sync policy only counts for a broker with a journal.
     */
    static List<String> differences(ConnectionUrl url, BrokerSettings running) {
        BrokerSettings asked = of(url);
        List<String> differences = new ArrayList<>();
        boolean storage = url.option("dataDir") != null || url.option("persistent") != null;
        if (storage && !Objects.equals(asked.dataDir, running.dataDir)) {
            differences.add("dataDir: the running broker has " + describe(running.dataDir) + ", this URL "
                    + describe(asked.dataDir));
        }
        if (url.option("sync") != null && running.dataDir != null && asked.sync != running.sync) {
            differences.add("sync: the running broker has " + name(running.sync) + ", this URL " + name(asked.sync));
        }
        if (url.option("jmx") != null && asked.jmx != running.jmx) {
            differences.add("jmx: the running broker has " + running.jmx + ", this URL " + asked.jmx);
        }
        return differences;
    }

    private static String describe(Path dataDir) {
        return dataDir == null ? "none (state in memory)" : "'" + dataDir + "'";
    }

    private static String name(SyncPolicy sync) {
        return sync.name().toLowerCase(Locale.ROOT);
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
