package io.warren.benchmarks.engine;

import io.warren.benchmarks.BenchmarkSettings;
import io.warren.benchmarks.Result;
import io.warren.benchmarks.Workload;
import io.warren.broker.exchange.MessageEvaluationContext;
import io.warren.message.Message;
import io.warren.selector.EvaluationContext;
import io.warren.selector.Selector;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * E3: how fast a parsed selector evaluates, on one thread, against 4,096 pre-built messages with varied
 * properties (so branch prediction cannot learn one answer). The selector exercises comparison, BETWEEN, IN,
 * LIKE and both connectives:
 * {@value #SELECTOR}.
 *
 * <p>A plain timed loop rather than JMH: the number of matches is accumulated and published, so the JIT
 * cannot drop the evaluations, and the clock is read only every 4,096 evaluations.
 */
public final class SelectorEvaluationWorkload implements Workload {
    /** The selector evaluated. */
    public static final String SELECTOR =
            "color = 'red' AND price BETWEEN 10 AND 20 OR region IN ('eu','us') AND name LIKE 'acme%'";
    private static final int MESSAGES = 4_096;
    private static final String[] COLORS = {"red", "green", "blue", "red"};
    private static final String[] REGIONS = {"eu", "us", "apac", "latam", "mea"};

    /** Where the loop publishes its result, so its work is observable. */
    private static volatile long sink;

    @Override
    public String id() {
        return "E3";
    }

    @Override
    public String title() {
        return "selector evaluation, 1 thread";
    }

    @Override
    public Result run(BenchmarkSettings settings) {
        Selector selector = Selector.parse(SELECTOR);
        EvaluationContext[] contexts = contexts();
        evaluate(selector, contexts, settings.warmup().toNanos());
        long start = System.nanoTime();
        long[] counts = evaluate(selector, contexts, settings.measurement().toNanos());
        double seconds = (System.nanoTime() - start) / 1e9;
        return Result.rate(this, counts[0] / seconds, "evals/s")
                .withNote(String.format(Locale.ROOT, "%.1f%% of messages match: %s", 100.0 * counts[1] / counts[0],
                        SELECTOR));
    }

    /** Evaluates in rounds over all contexts for about {@code nanos}; returns evaluations and matches. */
    private static long[] evaluate(Selector selector, EvaluationContext[] contexts, long nanos) {
        long deadline = System.nanoTime() + nanos;
        long evaluations = 0;
        long matches = 0;
        do {
            for (EvaluationContext c : contexts) {
                if (selector.matches(c)) {
                    matches++;
                }
            }
            evaluations += contexts.length;
        } while (System.nanoTime() - deadline < 0);
        sink = matches;
        return new long[] {evaluations, matches};
    }

    private static EvaluationContext[] contexts() {
        SplittableRandom random = new SplittableRandom(7);
        EvaluationContext[] contexts = new EvaluationContext[MESSAGES];
        for (int i = 0; i < MESSAGES; i++) {
            Message.Builder b = Message.builder()
                    .header("color", COLORS[random.nextInt(COLORS.length)])
                    .header("region", REGIONS[random.nextInt(REGIONS.length)])
                    .header("name", (random.nextBoolean() ? "acme-" : "zenith-") + i)
                    .body(new byte[0]);
            if (random.nextBoolean()) {
                b.header("price", random.nextInt(30));
            } else {
                b.header("price", random.nextDouble() * 30);
            }
            contexts[i] = new MessageEvaluationContext(b.build(), 1);
        }
        return contexts;
    }
}
