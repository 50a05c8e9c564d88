package io.warren.broker;

import io.warren.broker.store.Store;
import io.warren.broker.store.journal.JournalConfig;
import io.warren.broker.store.journal.JournalStore;

/** Creates the on-disk store for a broker configured with a data directory. */
final class StoreFactory {
    private StoreFactory() {
    }

    static Store journal(BrokerConfig config) {
        return new JournalStore(JournalConfig.builder(config.dataDirectory()).syncPolicy(config.syncPolicy()).build());
    }
}
