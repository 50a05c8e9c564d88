package io.warren.broker.exchange.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TopicMatcherTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // # alone matches everything, including the empty key and empty words
                Arguments.of("#", "", true),
                Arguments.of("#", "a", true),
                Arguments.of("#", "a.b.c", true),
                Arguments.of("#", ".", true),
                Arguments.of("#", "..", true),
                Arguments.of("#", "#", true),
                // the empty pattern has no words
                Arguments.of("", "", true),
                Arguments.of("", "a", false),
                Arguments.of("", ".", false),
                // * is exactly one word, possibly empty
                Arguments.of("*", "", false),
                Arguments.of("*", "a", true),
                Arguments.of("*", "*", true),
                Arguments.of("*", ".", false),
                Arguments.of("*", "a.b", false),
                Arguments.of("*.*", ".", true),
                Arguments.of("*.*", "a.", true),
                Arguments.of("*.*", ".a", true),
                Arguments.of("*.*", "a", false),
                Arguments.of("*.*.*", "a.b", false),
                Arguments.of("*.*.*", "a.b.c", true),
                // literal words
                Arguments.of("a", "a", true),
                Arguments.of("a", "b", false),
                Arguments.of("a", "a.b", false),
                Arguments.of("a", "", false),
                Arguments.of("A", "a", false),
                Arguments.of("a.b", "a.b", true),
                Arguments.of("a.b", "a.b.c", false),
                Arguments.of("a.b", "a", false),
                Arguments.of("a*b", "a*b", true),
                Arguments.of("a*b", "axb", false),
                Arguments.of("a#", "a", false),
                Arguments.of("a#", "a#", true),
                Arguments.of("x.#", "x.#", true),
                // * versus #
                Arguments.of("a.*", "a.b", true),
                Arguments.of("a.*", "a", false),
                Arguments.of("a.*", "a.", true),
                Arguments.of("a.*", "a.b.c", false),
                Arguments.of("a.#", "a", true),
                Arguments.of("a.#", "a.b", true),
                Arguments.of("a.#", "a.b.c", true),
                Arguments.of("a.#", "a.", true),
                Arguments.of("a.#", "b.a", false),
                Arguments.of("a.#", "", false),
                Arguments.of("a.b.#", "a.b", true),
                Arguments.of("#.a", "a", true),
                Arguments.of("#.a", "x.y.a", true),
                Arguments.of("#.a", "a.x", false),
                Arguments.of("#.a", ".a", true),
                // # in the middle
                Arguments.of("a.#.b", "a.b", true),
                Arguments.of("a.#.b", "a.x.b", true),
                Arguments.of("a.#.b", "a.x.y.b", true),
                Arguments.of("a.#.b", "a.b.b", true),
                Arguments.of("a.#.b", "a..b", true),
                Arguments.of("a.#.b", "a", false),
                Arguments.of("a.#.b", "a.b.c", false),
                Arguments.of("a.#.b", "b.a.b", false),
                Arguments.of("a.#.#.b", "a.b", true),
                Arguments.of("a.#.#.b", "a.x.y.z.b", true),
                // several wildcards
                Arguments.of("#.#", "", true),
                Arguments.of("#.#", "a", true),
                Arguments.of("#.#", "a.b.c", true),
                Arguments.of("*.#", "", false),
                Arguments.of("*.#", "a", true),
                Arguments.of("*.#", "a.b.c", true),
                Arguments.of("#.*", "", false),
                Arguments.of("#.*", "a", true),
                Arguments.of("#.*", "a.b", true),
                Arguments.of("*.#.*", "a", false),
                Arguments.of("*.#.*", "a.b", true),
                Arguments.of("*.#.*", "a.b.c", true),
                Arguments.of("#.a.#", "a", true),
                Arguments.of("#.a.#", "x.a.y", true),
                Arguments.of("#.a.#", "x.b.y", false),
                Arguments.of("#.a.#.a.#", "a.a", true),
                Arguments.of("#.a.#.a.#", "x.a.y.a.z", true),
                Arguments.of("#.a.#.a.#", "a", false),
                Arguments.of("#.*.a", "x.a", true),
                Arguments.of("#.*.a", "a", false),
                // empty words
                Arguments.of("a..b", "a..b", true),
                Arguments.of("a..b", "a.b", false),
                Arguments.of("a.*.b", "a..b", true),
                Arguments.of(".a", ".a", true),
                Arguments.of(".a", "a", false),
                Arguments.of("a.", "a.", true),
                Arguments.of("a.", "a", false),
                Arguments.of(".", ".", true),
                Arguments.of(".", "", false),
                Arguments.of("#.", "a.", true),
                Arguments.of("#.", "a", false),
                Arguments.of(".#", ".", true),
                Arguments.of(".#", "", false));
    }

    @ParameterizedTest(name = "pattern \"{0}\" vs key \"{1}\" -> {2}")
    @MethodSource("cases")
    void matchesLikeRabbitMq(String pattern, String key, boolean expected) {
        TopicMatcher<String> matcher = new TopicMatcher<>();
        matcher.add(pattern, "q");

        assertThat(matchAll(matcher, key)).isEqualTo(expected ? List.of("q") : List.of());
        assertThat(ReferenceMatcher.matches(pattern, key)).as("reference matcher").isEqualTo(expected);
    }

    @Test
    void deliversTargetOnceWhenSeveralOfItsPatternsMatch() {
        TopicMatcher<String> matcher = new TopicMatcher<>();
        for (String pattern : List.of("#", "a.#", "*.b", "a.b", "#.b", "#.#", "a.#.b")) {
            matcher.add(pattern, "q1");
        }
        matcher.add("a.*", "q2");
        matcher.add("x.y", "q3");

        assertThat(matchAll(matcher, "a.b")).containsExactlyInAnyOrder("q1", "q2");
        assertThat(matchAll(matcher, "x.y")).containsExactlyInAnyOrder("q1", "q3");
        assertThat(matcher.size()).isEqualTo(9);
    }

    @Test
    void deliversEveryTargetOfOnePattern() {
        TopicMatcher<String> matcher = new TopicMatcher<>();
        matcher.add("a.*", "q1");
        matcher.add("a.*", "q2");
        matcher.add("a.*", "q3");

        assertThat(matchAll(matcher, "a.b")).containsExactlyInAnyOrder("q1", "q2", "q3");
        assertThat(matchAll(matcher, "a")).isEmpty();
    }

    @Test
    void comparesTargetsByEquals() {
        TopicMatcher<String> matcher = new TopicMatcher<>();
        matcher.add("a.#", new String("q"));
        matcher.add("#", new String("q"));
        matcher.add("#", new String("q"));

        assertThat(matcher.size()).isEqualTo(2);
        assertThat(matchAll(matcher, "a.b")).containsExactly("q");
    }

    @Test
    void addingTheSamePairTwiceKeepsOne() {
        TopicMatcher<String> matcher = new TopicMatcher<>();
        matcher.add("a.#", "q");
        matcher.add("a.#", "q");

        assertThat(matcher.size()).isEqualTo(1);
        assertThat(matcher.remove("a.#", "q")).isTrue();
        assertThat(matcher.remove("a.#", "q")).isFalse();
        assertThat(matchAll(matcher, "a.b")).isEmpty();
        assertThat(matcher.size()).isZero();
    }

    @Test
    void removeReportsWhetherThePairWasBound() {
        TopicMatcher<String> matcher = new TopicMatcher<>();
        matcher.add("a.b", "q");

        assertThat(matcher.remove("a.b", "other")).isFalse();
        assertThat(matcher.remove("a.c", "q")).isFalse();
        assertThat(matcher.remove("a", "q")).isFalse();
        assertThat(matcher.remove("a.b.c", "q")).isFalse();
        assertThat(matcher.remove("a.*", "q")).isFalse();
        assertThat(matcher.size()).isEqualTo(1);
        assertThat(matcher.remove("a.b", "q")).isTrue();
        assertThat(matcher.size()).isZero();
    }

    @Test
    void removeKeepsOtherBindings() {
        TopicMatcher<String> matcher = new TopicMatcher<>();
        matcher.add("a.#", "q1");
        matcher.add("a.#", "q2");
        matcher.add("a.#.b", "q3");

        matcher.remove("a.#", "q1");

        assertThat(matchAll(matcher, "a.x.b")).containsExactlyInAnyOrder("q2", "q3");
        matcher.remove("a.#", "q2");
        assertThat(matchAll(matcher, "a.x.b")).containsExactly("q3");
        assertThat(matchAll(matcher, "a.x")).isEmpty();
    }

    @Test
    void removePrunesEmptyNodes() {
        TopicMatcher<String> matcher = new TopicMatcher<>();
        matcher.add("a.b", "keep");
        int before = matcher.nodeCount();

        matcher.add("a.b.c.*.#.d", "q");
        matcher.add("a.b.c.x", "q");
        matcher.add("", "q");
        matcher.add("#", "q");
        matcher.remove("a.b.c.*.#.d", "q");
        matcher.remove("a.b.c.x", "q");
        matcher.remove("", "q");
        matcher.remove("#", "q");

        assertThat(matcher.nodeCount()).isEqualTo(before);
        matcher.remove("a.b", "keep");
        assertThat(matcher.nodeCount()).isEqualTo(1);
        assertThat(matchAll(matcher, "a.b")).isEmpty();
    }

    @Test
    void removePrunesOnlyUpToANodeThatIsStillUsed() {
        TopicMatcher<String> matcher = new TopicMatcher<>();
        matcher.add("a", "q1");
        matcher.add("a.b.c", "q2");
        assertThat(matcher.nodeCount()).isEqualTo(4);

        matcher.remove("a.b.c", "q2");

        assertThat(matcher.nodeCount()).isEqualTo(2);
        assertThat(matchAll(matcher, "a")).containsExactly("q1");
    }

    @Test
    void manyHashesStayFastOnLongKeys() {
        TopicMatcher<String> matcher = new TopicMatcher<>();
        matcher.add("#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.z", "last-z");
        matcher.add("#.a.#.a.#.a.#.a.#.a.#.a.#.a.#.b", "as-then-b");
        matcher.add("#.*.#.*.#.*.#.*.#.*.#.*.#.*.#", "at-least-7");
        String key = String.join(".", java.util.Collections.nCopies(40, "a"));

        List<String> result = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> matchAll(matcher, key));

        assertThat(result).containsExactly("at-least-7");
        assertThat(matchAll(matcher, key + ".z")).containsExactlyInAnyOrder("last-z", "at-least-7");
        assertThat(matchAll(matcher, key + ".b")).containsExactlyInAnyOrder("as-then-b", "at-least-7");
    }

    @Test
    void agreesWithReferenceOnRandomPatternsAndKeys() {
        String[] patternWords = {"a", "b", "c", "", "*", "#"};
        String[] keyWords = {"a", "b", "c", "", "*", "#"};
        for (long seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            TopicMatcher<Integer> matcher = new TopicMatcher<>();
            Map<Integer, Set<String>> bound = bindRandomly(matcher, random, patternWords);
            checkAgainstReference(matcher, bound, random, keyWords);

            for (Map.Entry<Integer, Set<String>> entry : bound.entrySet()) {
                for (String pattern : new ArrayList<>(entry.getValue())) {
                    if (random.nextBoolean()) {
                        assertThat(matcher.remove(pattern, entry.getKey())).isTrue();
                        entry.getValue().remove(pattern);
                    }
                }
            }
            checkAgainstReference(matcher, bound, random, keyWords);
        }
    }

    @Test
    void concurrentMatchingSeesStableBindingsWhileOthersChange() throws Exception {
        TopicMatcher<String> matcher = new TopicMatcher<>();
        matcher.add("stable.#", "S1");
        matcher.add("*.x.*", "S2");
        matcher.add("#", "S3");
        String[] keys = {"stable.x.y", "stable", "a.x.b", "stable.a.b.c", "q.x.z", ""};
        String[] words = {"stable", "x", "a", "*", "#", "b"};
        Map<String, List<String>> stable = new HashMap<>();
        for (String key : keys) {
            stable.put(key, stableTargets(key));
        }
        AtomicBoolean mutating = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> mutators = new ArrayList<>();
            for (int m = 0; m < 2; m++) {
                long seed = m;
                mutators.add(pool.submit(() -> {
                    start.await();
                    Random random = new Random(seed);
                    for (int i = 0; i < 10_000; i++) {
                        String pattern = randomTopic(random, words, 4);
                        String target = "T" + random.nextInt(20);
                        if (random.nextBoolean()) {
                            matcher.add(pattern, target);
                        } else {
                            matcher.remove(pattern, target);
                        }
                    }
                    return null;
                }));
            }
            List<Future<Integer>> matchers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                matchers.add(pool.submit(() -> {
                    start.await();
                    int rounds = 0;
                    while (mutating.get() || rounds < 1_000) {
                        for (String key : keys) {
                            List<String> got = matchAll(matcher, key);
                            if (new HashSet<>(got).size() != got.size() || !got.containsAll(stable.get(key))) {
                                throw new AssertionError("key \"" + key + "\" matched " + got);
                            }
                        }
                        rounds++;
                    }
                    return rounds;
                }));
            }
            start.countDown();
            for (Future<?> mutator : mutators) {
                mutator.get(10, TimeUnit.SECONDS);
            }
            mutating.set(false);
            for (Future<Integer> m : matchers) {
                assertThat(m.get(10, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            mutating.set(false);
            pool.shutdownNow();
        }
        assertThat(matchAll(matcher, "stable.x.y")).contains("S1", "S2", "S3");
    }

    private static List<String> stableTargets(String key) {
        List<String> expected = new ArrayList<>();
        expected.add("S3");
        if (ReferenceMatcher.matches("stable.#", key)) {
            expected.add("S1");
        }
        if (ReferenceMatcher.matches("*.x.*", key)) {
            expected.add("S2");
        }
        return expected;
    }

    /** Binds 400 random patterns of up to five words to targets 0..149; returns the patterns of each target. */
    private static Map<Integer, Set<String>> bindRandomly(TopicMatcher<Integer> matcher, Random random,
                                                          String[] words) {
        Map<Integer, Set<String>> bound = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            String pattern = randomTopic(random, words, 5);
            Integer target = random.nextInt(150);
            matcher.add(pattern, target);
            bound.computeIfAbsent(target, t -> new HashSet<>()).add(pattern);
        }
        return bound;
    }

    private static void checkAgainstReference(TopicMatcher<Integer> matcher, Map<Integer, Set<String>> bound,
            Random random, String[] keyWords) {
        Map<Integer, List<String[]>> splitPatterns = new HashMap<>();
        bound.forEach((target, patterns) -> patterns.forEach(
                p -> splitPatterns.computeIfAbsent(target, t -> new ArrayList<>()).add(ReferenceMatcher.words(p))));
        int pairs = bound.values().stream().mapToInt(Set::size).sum();
        assertThat(matcher.size()).isEqualTo(pairs);
        for (int i = 0; i < 2_000; i++) {
            String key = randomTopic(random, keyWords, 7);
            String[] keyWordsSplit = ReferenceMatcher.words(key);
            Set<Integer> expected = new HashSet<>();
            splitPatterns.forEach((target, patterns) -> {
                for (String[] pattern : patterns) {
                    if (ReferenceMatcher.matches(pattern, 0, keyWordsSplit, 0)) {
                        expected.add(target);
                        break;
                    }
                }
            });
            List<Integer> got = matchAll(matcher, key);
            Set<Integer> gotSet = new HashSet<>(got);
            if (gotSet.size() != got.size() || !gotSet.equals(expected)) {
                assertThat(got).as("key \"%s\"", key).doesNotHaveDuplicates();
                assertThat(gotSet).as("key \"%s\"", key).isEqualTo(expected);
            }
        }
    }

    private static String randomTopic(Random random, String[] vocabulary, int maxWords) {
        int count = random.nextInt(maxWords + 1);
        if (count == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return sb.toString();
    }

    @Test
    void theWalkWithoutRecursionAgreesWithReferenceToo() {
        String[] words = {"a", "b", "c", "", "*", "#"};
        for (int limit : new int[] {0, 1, 2}) {
            Random random = new Random(11 + limit);
            TopicMatcher<Integer> matcher = new TopicMatcher<>(limit);
            checkAgainstReference(matcher, bindRandomly(matcher, random, words), random, words);
        }
    }

    @Test
    void keysAndPatternsOfTenThousandWordsMatchWithoutOverflowingTheStack() {
        String deep = "a" + ".a".repeat(9_999);
        TopicMatcher<String> matcher = new TopicMatcher<>();
        matcher.add(deep, "literal");
        matcher.add("a.#", "prefix");
        matcher.add("#.a", "suffix");
        matcher.add("*" + ".*".repeat(9_999), "stars");
        TopicMatcher<String> hashes = new TopicMatcher<>();
        // Ten thousand # cost (nodes x key words) steps, so a short key here; the broker limits keys to 255
        // bytes, so at most 128 words on either side.
        hashes.add("#" + ".#".repeat(9_999), "hashes");

        assertThat(matchAll(matcher, deep)).containsExactlyInAnyOrder("literal", "prefix", "suffix", "stars");
        assertThat(matchAll(hashes, "b.c.d")).containsExactly("hashes");
        assertThat(matcher.nodeCount()).isEqualTo(1 + 10_000 + 1 + 2 + 10_000);
        assertThat(matcher.remove(deep, "literal")).isTrue();
        assertThat(matchAll(matcher, deep)).containsExactlyInAnyOrder("prefix", "suffix", "stars");
    }

    private static <T> List<T> matchAll(TopicMatcher<T> matcher, String key) {
        List<T> result = new ArrayList<>();
        matcher.match(key, result::add);
        return result;
    }

    /** The obvious backtracking matcher, written from the rules rather than from the trie. */
    private static final class ReferenceMatcher {
        static boolean matches(String pattern, String key) {
            return matches(words(pattern), 0, words(key), 0);
        }

        static String[] words(String topic) {
            return topic.isEmpty() ? new String[0] : topic.split("\\.", -1);
        }

        static boolean matches(String[] pattern, int p, String[] key, int k) {
            if (p == pattern.length) {
                return k == key.length;
            }
            if (pattern[p].equals("#")) {
                for (int skip = k; skip <= key.length; skip++) {
                    if (matches(pattern, p + 1, key, skip)) {
                        return true;
                    }
                }
                return false;
            }
            if (k == key.length) {
                return false;
            }
            return (pattern[p].equals("*") || pattern[p].equals(key[k])) && matches(pattern, p + 1, key, k + 1);
        }
    }
}
