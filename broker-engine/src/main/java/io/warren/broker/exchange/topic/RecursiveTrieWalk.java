package io.warren.broker.exchange.topic;

import java.util.function.Consumer;

/**
 * Walks the trie by recursion: two frames per trie level at most, so only for tries whose patterns have at most
 * {@link TopicMatcher#RECURSION_LIMIT} words.
 */
final class RecursiveTrieWalk<T> extends TrieWalk<T> {
    RecursiveTrieWalk(String[] words, Consumer<? super T> sink) {
        super(words, sink);
    }

    @Override
    void walkFrom(TrieNode<T> root) {
        walk(root, 0, false);
    }

    /** Visits {@code node}, whose pattern prefix matched the first {@code position} words. */
    private void walk(TrieNode<T> node, int position, boolean belowHash) {
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
            int to = hashEnd(hash, position, belowHash);
            for (int p = position; p <= to; p++) {
                walk(hash, p, true);
            }
        }
    }
}
