package io.warren.broker.exchange.topic;

import java.util.Arrays;
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
 * (trie nodes × (words + 1)) steps instead of growing exponentially. The walk keeps its own stack of pending
 * steps rather than recursing, so no key or pattern, however many words it has, can overflow the thread's stack;
 * it visits nodes in the order a depth-first recursion would (literal child, then {@code *}, then {@code #}).
 */
final class TrieWalk<T> {
    /** Low bit of a pending step: expand a {@code #} node from the position, rather than visit the node there. */
    private static final int HASH_STEP = 1;
    /** Second bit: the node or one of its ancestors is a {@code #}, so it can be reached at several positions. */
    private static final int BELOW_HASH = 2;
    private static final int FLAG_BITS = 2;

    private final String[] words;
    private final Consumer<? super T> sink;
    /** Pending steps, last in first out: the node and its position with the flags above in the low bits. */
    private Object[] nodes = new Object[8];
    private int[] steps = new int[8];
    private int pending;
    /** Targets of the only node that has matched so far; delivered without building a set. */
    private Object[] firstDelivered;
    private Set<Object> delivered;
    /** Lowest position at which each {@code #} node below another {@code #} has been entered. */
    private Map<TrieNode<T>, Integer> hashEntries;

    TrieWalk(String[] words, Consumer<? super T> sink) {
        this.words = words;
        this.sink = sink;
    }

    /** Walks the whole trie below {@code root}. */
    void walkFrom(TrieNode<T> root) {
        push(root, 0, 0);
        while (pending > 0) {
            pending--;
            @SuppressWarnings("unchecked")
            TrieNode<T> node = (TrieNode<T>) nodes[pending];
            nodes[pending] = null;
            int step = steps[pending];
            int position = step >>> FLAG_BITS;
            boolean belowHash = (step & BELOW_HASH) != 0;
            if ((step & HASH_STEP) != 0) {
                expandHash(node, position, belowHash);
            } else {
                visit(node, position, belowHash);
            }
        }
    }

    /**
     * Visits {@code node}, whose pattern prefix matched the first {@code position} words: delivers its targets at
     * the end of the key, and schedules its children (pushed in reverse, so the literal child comes first).
     */
    private void visit(TrieNode<T> node, int position, boolean belowHash) {
        int flags = belowHash ? BELOW_HASH : 0;
        TrieNode<T> hash = node.hash();
        if (hash != null) {
            push(hash, position, flags | HASH_STEP);
        }
        if (position == words.length) {
            deliver(node.targets());
            return;
        }
        TrieNode<T> next = node.star();
        if (next != null) {
            push(next, position + 1, flags);
        }
        next = node.literal(words[position]);
        if (next != null) {
            push(next, position + 1, flags);
        }
    }

    /** The {@code #} node may swallow any number of words starting at {@code from}. */
    private void expandHash(TrieNode<T> hash, int from, boolean belowHash) {
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
                // positions earlier..end were already walked (or scheduled) from this node
                to = earlier - 1;
            }
            hashEntries.put(hash, from);
        }
        for (int position = to; position >= from; position--) {
            push(hash, position, BELOW_HASH);
        }
    }

    private void push(TrieNode<T> node, int position, int flags) {
        if (pending == nodes.length) {
            nodes = Arrays.copyOf(nodes, pending * 2);
            steps = Arrays.copyOf(steps, pending * 2);
        }
        nodes[pending] = node;
        steps[pending] = position << FLAG_BITS | flags;
        pending++;
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
