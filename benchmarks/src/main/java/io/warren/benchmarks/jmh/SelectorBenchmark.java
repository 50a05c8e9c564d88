package io.warren.benchmarks.jmh;

import io.warren.broker.exchange.MessageEvaluationContext;
import io.warren.message.Message;
import io.warren.selector.EvaluationContext;
import io.warren.selector.Selector;
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
 * JMS selectors, in nanoseconds per operation: parsing ({@code parseSimple}, {@code parseCompound}: what a
 * consumer, browser or binding pays once, through {@link Selector#parse}; parsing is all the compiling there is)
 * and evaluation ({@code evalSimple}, {@code evalCompound}: what a queue pays per message and selector consumer),
 * through the {@link MessageEvaluationContext} queues use, against one of 4,096 messages with varied properties
 * so branch prediction cannot learn one answer. {@value #SIMPLE} matches a quarter of them; {@value #COMPOUND}
 * (E3's selector, where {@code price} is an Integer or a Double at random) about a third.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// The parser takes about four seconds of calls to be compiled: with three warm-up seconds parseCompound measured
// four times its steady cost.
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SelectorBenchmark {
    /** A single comparison with an integer property. */
    public static final String SIMPLE = "bucket = 0";
    /** Comparison, BETWEEN, IN, LIKE, AND and OR. */
    public static final String COMPOUND =
            "color = 'red' AND price BETWEEN 10 AND 20 OR region IN ('eu','us') AND name LIKE 'acme%'";
    private static final int MESSAGES = 1 << 12;
    private static final String[] COLORS = {"red", "green", "blue", "red"};
    private static final String[] REGIONS = {"eu", "us", "apac", "latam", "mea"};

    private Selector simple;
    private Selector compound;
    private final EvaluationContext[] contexts = new EvaluationContext[MESSAGES];
    private int next;

    @Setup
    public void prepare() {
        simple = Selector.parse(SIMPLE);
        compound = Selector.parse(COMPOUND);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < MESSAGES; i++) {
            Message.Builder b = Message.builder()
                    .header("bucket", random.nextInt(4))
                    .header("color", COLORS[random.nextInt(COLORS.length)])
                    .header("region", REGIONS[random.nextInt(REGIONS.length)])
                    .header("name", (random.nextBoolean() ? "acme-" : "zenith-") + i);
            b.header("price", random.nextBoolean() ? (Object) random.nextInt(30) : (Object) (random.nextDouble() * 30));
            contexts[i] = new MessageEvaluationContext(b.build(), 1);
        }
    }

    @Benchmark
    public Selector parseSimple() {
        return Selector.parse(SIMPLE);
    }

    @Benchmark
    public Selector parseCompound() {
        return Selector.parse(COMPOUND);
    }

    @Benchmark
    public boolean evalSimple() {
        return simple.matches(contexts[next++ & (MESSAGES - 1)]);
    }

    @Benchmark
    public boolean evalCompound() {
        return compound.matches(contexts[next++ & (MESSAGES - 1)]);
    }
}
