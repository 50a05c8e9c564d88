package io.warren.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One parsed selector evaluated by many threads at once gives each thread the single-threaded answers. */
class SelectorConcurrencyTest {
    private static final int THREADS = 8;
    private static final int MESSAGES = 2_000;
    private static final int ROUNDS = 20;

    @Test
    void oneSelectorServesEightThreads() throws Exception {
        Selector selector = Selector.parse("(color IN ('red', 'blue') OR name LIKE 'w_d%get') AND weight BETWEEN"
                + " 10 AND 20 * factor AND NOT (price / qty < 1.5) AND flag IS NOT NULL");
        List<EvaluationContext> messages = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            messages.add(message(i)::get);
        }
        boolean[] expected = new boolean[MESSAGES];
        int matching = 0;
        for (int i = 0; i < MESSAGES; i++) {
            expected[i] = selector.matches(messages.get(i));
            matching += expected[i] ? 1 : 0;
        }
        assertThat(matching).as("the workload has both outcomes").isBetween(1, MESSAGES - 1);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<boolean[]>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                Callable<boolean[]> task = () -> {
                    start.await();
                    boolean[] seen = new boolean[MESSAGES];
                    for (int round = 0; round < ROUNDS; round++) {
                        for (int k = 0; k < MESSAGES; k++) {
                            int i = (k + offset * 251) % MESSAGES;
                            boolean result = selector.matches(messages.get(i));
                            if (round > 0 && result != seen[i]) {
                                throw new AssertionError("message " + i + " changed its result");
                            }
                            seen[i] = result;
                        }
                    }
                    return seen;
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            for (Future<boolean[]> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).containsExactly(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Object> message(int i) {
        Map<String, Object> properties = new java.util.HashMap<>();
        properties.put("color", List.of("red", "green", "blue").get(i % 3));
        properties.put("name", i % 5 == 0 ? "widget" + i : "gadget");
        properties.put("weight", i % 31);
        properties.put("factor", i % 2 == 0 ? 1 : 0.5);
        properties.put("price", (double) (i % 17));
        properties.put("qty", i % 4);
        if (i % 7 != 0) {
            properties.put("flag", i % 2 == 0);
        }
        return properties;
    }
}
