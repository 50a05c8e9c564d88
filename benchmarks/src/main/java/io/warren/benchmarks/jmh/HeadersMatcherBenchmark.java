package io.warren.benchmarks.jmh;

import io.warren.broker.exchange.headers.HeadersMatcher;
import io.warren.message.Message;
import java.util.LinkedHashMap;
import java.util.Map;
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

/**
 * Headers-exchange matching alone: {@link HeadersMatcher#matches} against a message's headers (six JMS properties
 * of mixed types, in the unmodifiable map a {@link Message} holds), in nanoseconds per call. The single-binding
 * cases use three match entries (a String, an Integer matched across widths by a Long header, a Boolean):
 * {@code allMatch} and {@code anyMatch} succeed, {@code allMiss} fails on the last entry and {@code anyMiss} on
 * every entry, so no case stops at the first one. {@code exchange8} is what
 * {@code HeadersExchange.match} does for one publish: eight bindings, half {@code all} and half {@code any}, tried
 * in turn against one of 1,024 varied messages; it returns how many matched.
 *
 * <p>{@code HeadersExchange} itself cannot be built outside its package, so its loop is repeated here over the
 * public matcher.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HeadersMatcherBenchmark {
    private static final int MESSAGES = 1 << 10;
    private static final String[] REGIONS = {"eu", "us", "apac", "latam"};

    private HeadersMatcher all;
    private HeadersMatcher any;
    private HeadersMatcher allLastDiffers;
    private HeadersMatcher anyNone;
    private final HeadersMatcher[] bindings = new HeadersMatcher[8];
    private Map<String, Object> headers;
    private final Map<String, Object>[] varied = newMaps(MESSAGES);
    private int next;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, Object>[] newMaps(int n) {
        return new Map[n];
    }

    @Setup
    public void bind() {
        headers = headers("eu", 7, true);
        all = matcher("all", "eu", 7, true);
        any = matcher("any", "apac", 8, true);
        allLastDiffers = matcher("all", "eu", 7, false);
        anyNone = matcher("any", "apac", 8, false);
        for (int i = 0; i < bindings.length; i++) {
            bindings[i] = matcher(i % 2 == 0 ? "all" : "any", REGIONS[i % REGIONS.length], i, i % 3 == 0);
        }
        SplittableRandom random = new SplittableRandom(11);
        for (int m = 0; m < MESSAGES; m++) {
            varied[m] = headers(REGIONS[random.nextInt(REGIONS.length)], random.nextInt(8), random.nextBoolean());
        }
    }

    private static Map<String, Object> headers(String region, long tier, boolean urgent) {
        return Message.builder()
                .header("region", region)
                .header("tier", tier)
                .header("urgent", urgent)
                .header("customer", "acme-corp")
                .header("price", 19.95)
                .header("sequence", 123_456)
                .build()
                .headers();
    }

    private static HeadersMatcher matcher(String mode, String region, int tier, boolean urgent) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("x-match", mode);
        args.put("region", region);
        args.put("tier", tier);
        args.put("urgent", urgent);
        return HeadersMatcher.fromBindingArguments(args);
    }

    @Benchmark
    public boolean allMatch() {
        return all.matches(headers);
    }

    @Benchmark
    public boolean allMiss() {
        return allLastDiffers.matches(headers);
    }

    @Benchmark
    public boolean anyMatch() {
        return any.matches(headers);
    }

    @Benchmark
    public boolean anyMiss() {
        return anyNone.matches(headers);
    }

    @Benchmark
    public int exchange8() {
        Map<String, Object> h = varied[next++ & (MESSAGES - 1)];
        int matched = 0;
        for (HeadersMatcher b : bindings) {
            if (b.matches(h)) {
                matched++;
            }
        }
        return matched;
    }
}
