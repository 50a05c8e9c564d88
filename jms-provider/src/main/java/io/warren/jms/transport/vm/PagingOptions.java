package io.warren.jms.transport.vm;

import io.warren.broker.BrokerConfig;
import io.warren.config.ByteSize;
import io.warren.jms.url.ConnectionUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The paging options of a {@code vm://} URL, named as {@link BrokerConfig.Builder}'s methods ({@code paging},
 * {@code pagingWatermark}, {@code queuePagingThreshold}, {@code pagingMaxDisk}, {@code pageFileSize},
 * {@code pagingReadAhead}): what they set on the broker the URL starts, and how they differ from a running
 * broker's. Values were checked when the URL was parsed; an option the URL leaves out keeps the engine's default
 * and is not compared. Stateless.
 */
final class PagingOptions {

    /** One option: how its value reads, which builder method takes it, and the running broker's value. */
    private record Option<T>(String name, Function<String, T> parse, BiConsumer<BrokerConfig.Builder, T> set,
                             Function<BrokerConfig, T> running) {

        void applyTo(BrokerConfig.Builder builder, String value) {
            set.accept(builder, parse.apply(value));
        }

        /** {@code "OPTION: the running broker has A, this URL B"}, or null when they agree. */
        String difference(String value, BrokerConfig config) {
            T asked = parse.apply(value);
            T has = running.apply(config);
            return asked.equals(has) ? null
                    : name + ": the running broker has " + show(has) + ", this URL " + show(asked);
        }

        private String show(T v) {
            return v instanceof Long bytes && bytes < 0 ? "the default (half the free disk)" : String.valueOf(v);
        }
    }

    private static final List<Option<?>> OPTIONS = List.of(
            new Option<>("paging", Boolean::parseBoolean, BrokerConfig.Builder::paging, BrokerConfig::paging),
            new Option<>("pagingWatermark", v -> Double.parseDouble(v.strip()),
                    BrokerConfig.Builder::pagingWatermark, BrokerConfig::pagingWatermark),
            new Option<>("queuePagingThreshold", ByteSize::parse, BrokerConfig.Builder::queuePagingThreshold,
                    BrokerConfig::queuePagingThreshold),
            new Option<>("pagingMaxDisk", ByteSize::parse, BrokerConfig.Builder::pagingMaxDisk,
                    BrokerConfig::pagingMaxDisk),
            new Option<>("pageFileSize", ByteSize::parse, BrokerConfig.Builder::pageFileSize,
                    BrokerConfig::pageFileSize),
            new Option<>("pagingReadAhead", v -> Integer.parseInt(v.strip()), BrokerConfig.Builder::pagingReadAhead,
                    BrokerConfig::pagingReadAhead));

    private PagingOptions() {
    }

    /** Sets on {@code builder} the paging options {@code url} gives. */
    static void applyTo(BrokerConfig.Builder builder, ConnectionUrl url) {
        for (Option<?> option : OPTIONS) {
            String value = url.option(option.name());
            if (value != null) {
                option.applyTo(builder, value);
            }
        }
    }

    /** How the paging options {@code url} gives differ from {@code running}'s settings; empty when they agree. */
    static List<String> differences(ConnectionUrl url, BrokerConfig running) {
        List<String> differences = new ArrayList<>();
        for (Option<?> option : OPTIONS) {
            String value = url.option(option.name());
            String difference = value == null ? null : option.difference(value, running);
            if (difference != null) {
                differences.add(difference);
            }
        }
        return differences;
    }
}
