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
 * (trie nodes × (words + 1)) steps instead of growing exponentially.
 *
 * <p>The walk recurses once per trie level, the fastest way, down to {@code recursionLimit} levels; below that it
 * keeps a stack of pending steps of its own, so no pattern, however many words it has, can overflow the thread's
 * stack. Either way nodes are visited in the same order: a node's literal child, then {@code *}, then {@code #}.
 */
final class TrieWalk<T> {
    /** Low bit of a pending step: expand a {@code #} node from the position, rather than visit the node there. */
    private static final int HASH_STEP = 1;
    /** Second bit: the node or one of its ancestors is a {@code #}, so it can be reached at several positions. */
    private static final int BELOW_HASH = 2;
    private static final int FLAG_BITS = 2;

    private final String[] words;
    private final Consumer<? super T> sink;
    private final int recursionLimit;
    /** Targets of the only node that has matched so far; delivered without building a set. */
    private Object[] firstDelivered;
    private Set<Object> delivered;
    /** Lowest position at which each {@code #} node below another {@code #} has been entered. */
    private Map<TrieNode<T>, Integer> hashEntries;
    /** Pending steps below the recursion limit, last in first out: node, and position with the flags above. */
    private Object[] nodes;
    private int[] steps;
    private int pending;

    TrieWalk(String[] words, Consumer<? super T> sink, int recursionLimit) {
        this.words = words;
        this.sink = sink;
        this.recursionLimit = recursionLimit;
    }

    /** Walks the whole trie below {@code root}. */
    void walkFrom(TrieNode<T> root) {
        walk(root, 0, false, 0);
    }

    /**
     * Visits {@code node}, whose pattern prefix matched the first {@code position} words, at {@code depth} levels of
     * recursion. {@code belowHash} tells whether the node or one of its ancestors is a {@code #}: only then can the
     * node be reached at more than one position.
     */
    private void walk(TrieNode<T> node, int position, boolean belowHash, int depth) {
        if (depth >= recursionLimit) {
            walkWithoutRecursion(node, position, belowHash);
            return;
        }
        if (position == words.length) {
            deliver(node.targets());
        } else {
            TrieNode<T> next = node.literal(words[position]);
            if (next != null) {
                walk(next, position + 1, belowHash, depth + 1);
            }
            next = node.star();
            if (next != null) {
                walk(next, position + 1, belowHash, depth + 1);
            }
        }
        TrieNode<T> hash = node.hash();
        if (hash != null) {
            walkHash(hash, position, belowHash, depth + 1);
        }
    }

    /** The {@code #} node may swallow any number of words starting at {@code from}. */
    private void walkHash(TrieNode<T> hash, int from, boolean belowHash, int depth) {
        int to = hashEnd(hash, from, belowHash);
        for (int position = from; position <= to; position++) {
            walk(hash, position, true, depth);
        }
    }

    /** Walks the subtree of {@code node} as {@link #walk} would, with the explicit stack. */
    private void walkWithoutRecursion(TrieNode<T> node, int position, boolean belowHash) {
        if (nodes == null) {
            nodes = new Object[16];
            steps = new int[16];
        }
        push(node, position, belowHash ? BELOW_HASH : 0);
        while (pending > 0) {
            pending--;
            @SuppressWarnings("unchecked")
            TrieNode<T> next = (TrieNode<T>) nodes[pending];
            nodes[pending] = null;
            int step = steps[pending];
            int at = step >>> FLAG_BITS;
            boolean below = (step & BELOW_HASH) != 0;
            if ((step & HASH_STEP) != 0) {
                for (int p = hashEnd(next, at, below); p >= at; p--) {
                    push(next, p, BELOW_HASH);
                }
            } else {
                visit(next, at, below);
            }
        }
    }

    /** Delivers at the end of the key, and schedules the children, pushed in reverse so the literal comes first. */
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

    private void push(TrieNode<T> node, int position, int flags) {
        if (pending == nodes.length) {
            nodes = Arrays.copyOf(nodes, pending * 2);
            steps = Arrays.copyOf(steps, pending * 2);
        }
        nodes[pending] = node;
        steps[pending] = position << FLAG_BITS | flags;
        pending++;
    }

    /**
     * The last position from which the {@code #} node {@code hash}, entered at {@code from}, still has to be walked
     * (it may swallow any number of words, so every position from {@code from} on), or -1 when an earlier entry
     * covered them all.
     */
    private int hashEnd(TrieNode<T> hash, int from, boolean belowHash) {
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
