package io.warren.broker.exchange.topic;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Walks the trie with a stack of its own instead of recursing, so no pattern, however many words it has, can
 * overflow the thread's stack; visits nodes in the order {@link RecursiveTrieWalk} does (literal child, then
 * {@code *}, then {@code #}).
 */
final class StackTrieWalk<T> extends TrieWalk<T> {
    /** Low bit of a pending step: expand a {@code #} node from the position, rather than visit the node there. */
    private static final int HASH_STEP = 1;
    /** Second bit: the node or one of its ancestors is a {@code #}. */
    private static final int BELOW_HASH = 2;
    private static final int FLAG_BITS = 2;

    /** Pending steps, last in first out: the node, and its position with the flags above in the low bits. */
    private Object[] nodes = new Object[16];
    private int[] steps = new int[16];
    private int pending;

    StackTrieWalk(String[] words, Consumer<? super T> sink) {
        super(words, sink);
    }

    @Override
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
                int to = hashEnd(node, position, belowHash);
                for (int p = to; p >= position; p--) {
                    push(node, p, BELOW_HASH);
                }
            } else {
                visit(node, position, belowHash);
            }
        }
    }

    /** Delivers at the end of the key and schedules the children, pushed in reverse so the literal comes first. */
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
}
