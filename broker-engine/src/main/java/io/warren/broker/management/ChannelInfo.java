package io.warren.broker.management;

import java.util.List;

/**
 * A snapshot of one channel of a connection.
 *
 * @param number          the channel number within its connection
 * @param consumers       its consumers
 * @param unacknowledged  deliveries it holds unsettled
 * @param prefetch        the channel-wide delivery limit (0 = none)
 * @param transactional   whether it is in local transaction mode
 * @param confirm         whether publisher confirms are on (network clients)
 * @param xa              whether it works for an XA branch now
 */
public record ChannelInfo(int number, List<ConsumerInfo> consumers, int unacknowledged, int prefetch,
                         boolean transactional, boolean confirm, boolean xa) {

    public ChannelInfo {
        consumers = List.copyOf(consumers);
    }
}
