package io.warren.benchmarks.jmh;

import io.warren.broker.exchange.topic.TopicMatcher;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Topic matching alone, without queues: the trie of {@link TopicMatcher} against routing keys, in nanoseconds per
 * {@code match}. {@code stocks}: E2's 10,000 bindings ({@code stock.<i>.*}, {@code stock.<i>.#}, {@code #.nyse})
 * and keys {@code stock.<i>.nyse|nasdaq}. {@code hashes}: 1,000 patterns with two {@code #} each
 * ({@code #.<i>.#.end}) against eight-word keys, the worst case for the walk's bookkeeping. {@code long255}: a
 * key of 128 one-letter words (255 bytes, the longest key) against {@code #}, {@code a.#} and {@code #.a}.
 *
 * <p>Run with {@code org.openjdk.jmh.Main TopicMatcherBenchmark} on the module's class path: the command is in
 * benchmarks/README.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TopicMatcherBenchmark {
    private static final int KEYS = 1 << 12;

    private final TopicMatcher<Integer> stocks = new TopicMatcher<>();
    private final TopicMatcher<Integer> hashes = new TopicMatcher<>();
    private final TopicMatcher<Integer> deep = new TopicMatcher<>();
    private final String[] stockKeys = new String[KEYS];
    private final String[] hashKeys = new String[KEYS];
    private String longKey;
    private int next;

    @Setup
    public void bind() {
        for (int i = 0; i < 4_999; i++) {
            stocks.add("stock." + i + ".*", i % 8);
            stocks.add("stock." + i + ".#", (i + 3) % 8);
        }
        stocks.add("#.nyse", 0);
        stocks.add("#.nyse", 1);
        for (int i = 0; i < 1_000; i++) {
            hashes.add("#." + i + ".#.end", i);
        }
        deep.add("#", 1);
        deep.add("a.#", 2);
        deep.add("#.a", 3);
        SplittableRandom random = new SplittableRandom(42);
        for (int k = 0; k < KEYS; k++) {
            stockKeys[k] = "stock." + random.nextInt(4_999) + (k % 2 == 0 ? ".nyse" : ".nasdaq");
            StringBuilder key = new StringBuilder();
            for (int w = 0; w < 7; w++) {
                key.append(random.nextInt(1_000)).append('.');
            }
            hashKeys[k] = key.append(k % 2 == 0 ? "end" : "other").toString();
        }
        longKey = "a" + ".a".repeat(127);
    }

    @Benchmark
    public void stocks(Blackhole sink) {
        stocks.match(stockKeys[next++ & (KEYS - 1)], sink::consume);
    }

    @Benchmark
    public void hashes(Blackhole sink) {
        hashes.match(hashKeys[next++ & (KEYS - 1)], sink::consume);
    }

    @Benchmark
    public void long255(Blackhole sink) {
        deep.match(longKey, sink::consume);
    }
}
