package io.warren.broker.exchange.topic;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The state of one {@link TopicMatcher#match} call: walks the trie against the routing key's words and
 * hands every bound target to the sink once.
 *
 * <p>Every (node, position) pair is visited at most once, so a pattern full of {@code #} costs at most
 * (trie nodes × (words + 1)) steps instead of growing exponentially.
 */
final class TrieWalk<T> {
    private final String[] words;
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

    /**
     * Visits {@code node}, whose pattern prefix matched the first {@code position} words.
     * {@code belowHash} tells whether the node or one of its ancestors is a {@code #}: only then can the
     * node be reached at more than one position.
     */
    void walk(TrieNode<T> node, int position, boolean belowHash) {
        if (position == words.length) {
            deliver(node.targets());
        } else {
            TrieNode<T> next = node.literal(words[position]);
            if (next != null) {
                walk(next, position + 1, belowHash);
            }
            next = node.star();
            if (next != null) {
                walk(next, position + 1, belowHash);
            }
        }
        TrieNode<T> hash = node.hash();
        if (hash != null) {
            walkHash(hash, position, belowHash);
        }
    }

    /** The {@code #} node may swallow any number of words starting at {@code from}. */
    private void walkHash(TrieNode<T> hash, int from, boolean belowHash) {
        int to = words.length;
        if (belowHash) {
            if (hashEntries == null) {
                hashEntries = new IdentityHashMap<>();
            }
            Integer earlier = hashEntries.get(hash);
            if (earlier != null) {
                if (from >= earlier) {
                    return;
                }
                // positions earlier..end were already walked from this node
                to = earlier - 1;
            }
            hashEntries.put(hash, from);
        }
        for (int position = from; position <= to; position++) {
            walk(hash, position, true);
        }
    }

    private void deliver(Object[] targets) {
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
