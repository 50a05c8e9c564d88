package io.warren.broker.exchange.topic;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The state of one {@link TopicMatcher#match} call: walks the trie against the routing key's words and hands
 * every bound target to the sink once. Two ways to walk, with the same result and order:
 * {@link RecursiveTrieWalk}, the fast one, recurses once per trie level, so its depth is bounded by the longest
 * pattern; {@link StackTrieWalk} keeps its own stack, for a trie holding patterns too long to recurse over.
 *
 * <p>Every (node, position) pair is visited at most once, so a pattern full of {@code #} costs at most
 * (trie nodes × (words + 1)) steps instead of growing exponentially.
 */
abstract class TrieWalk<T> {
    final String[] words;
    private final Consumer<? super T> sink;
    /** Targets of the only node that has matched so far; delivered without building a set. */
    private Object[] firstDelivered;
    private Set<Object> delivered;
    /** Lowest position at which each {@code #} node below another {@code #} has been entered. */
    private Map<TrieNode<T>, Integer> hashEntries;

    TrieWalk(String[] words, Consumer<? super T> sink) {
        this.words = words;
        this.sink = sink;
    }

    /** Walks the whole trie below {@code root}, delivering every matching target once. */
    abstract void walkFrom(TrieNode<T> root);

    /**
     * The last position from which the {@code #} node {@code hash}, entered at {@code from}, still has to be
     * walked (it may swallow any number of words, so every position from {@code from} on), or -1 when an earlier
     * entry covered them all. {@code belowHash}: the node has a {@code #} ancestor, the only way to reach it at
     * several positions.
     */
    final int hashEnd(TrieNode<T> hash, int from, boolean belowHash) {
        if (!belowHash) {
            return words.length;
        }
        if (hashEntries == null) {
            hashEntries = new IdentityHashMap<>();
        }
        Integer earlier = hashEntries.get(hash);
        if (earlier != null && from >= earlier) {
            return -1;
        }
        hashEntries.put(hash, from);
        // positions earlier..end were already walked (or scheduled) from this node
        return earlier == null ? words.length : earlier - 1;
    }

    final void deliver(Object[] targets) {
        if (targets.length == 0) {
            return;
        }
        if (firstDelivered == null && delivered == null) {
            firstDelivered = targets;
            for (Object target : targets) {
                accept(target);
            }
            return;
        }
        if (delivered == null) {
            delivered = new HashSet<>();
            for (Object target : firstDelivered) {
                delivered.add(target);
            }
            firstDelivered = null;
        }
        for (Object target : targets) {
            if (delivered.add(target)) {
                accept(target);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void accept(Object target) {
        sink.accept((T) target);
    }
}
