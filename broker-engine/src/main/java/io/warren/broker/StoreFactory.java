package io.warren.broker;

import io.warren.broker.store.Store;

/** Creates the on-disk store for a broker configured with a data directory. */
final class StoreFactory {
    private StoreFactory() {
    }

    static Store journal(BrokerConfig config) {
        throw new BrokerException(ErrorCode.STORE_ERROR, "the journal store is not available yet");
    }
}
