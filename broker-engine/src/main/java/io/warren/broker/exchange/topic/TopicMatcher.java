package io.warren.broker.exchange.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Routes by AMQP 0-9-1 topic patterns, with RabbitMQ's semantics, through a trie of pattern words.
 *
 * <p>Routing keys and patterns are split on every '.' into words; empty words count ({@code "a..b"} has
 * three words, {@code "."} two), but the empty string has no words. In a pattern {@code *} matches
 * exactly one word (which may be empty) and {@code #} zero or more words; any other word, including
 * {@code a*b}, matches only itself. So {@code #} matches every key including {@code ""}, the pattern
 * {@code ""} matches only the key {@code ""}, {@code a.*} does not match {@code a} but {@code a.#} does.
 *
 * <p>A matcher holds a set of (pattern, target) pairs; targets are compared with {@code equals}.
 * {@link #match} takes no lock and may run on many threads while {@link #add} and {@link #remove}
 * (which serialize on the matcher) change the bindings: a concurrent match sees each change or not, but
 * never fails and never delivers a target twice. Patterns and keys of any length are matched without
 * recursing over more than {@value #RECURSION_LIMIT} trie levels, so none can overflow the stack.
 *
 * @param <T> what a pattern is bound to, typically a binding or a queue
 */
public final class TopicMatcher<T> {
    /**
     * Trie levels matched by recursion, the fastest way; deeper levels are walked with an explicit stack, so that no
     * pattern can overflow the stack. The broker's 255-byte limit on binding keys keeps its patterns to 128 words.
     */
    static final int RECURSION_LIMIT = 256;

    private final Object lock = new Object();
    private final TrieNode<T> root = new TrieNode<>();
    private final int recursionLimit;
    private volatile int size;

    public TopicMatcher() {
        this(RECURSION_LIMIT);
    }

    /** A matcher that recurses over at most {@code recursionLimit} trie levels: tests use 0 to walk by stack only. */
    TopicMatcher(int recursionLimit) {
        this.recursionLimit = recursionLimit;
    }

    /** Binds {@code target} to {@code pattern}; does nothing if that pair is already bound. */
    public void add(String pattern, T target) {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(target, "target");
        String[] words = TopicWords.split(pattern);
        synchronized (lock) {
            TrieNode<T> node = root;
            for (String word : words) {
                node = node.childOrCreate(word);
            }
            if (node.addTarget(target)) {
                size++;
            }
        }
    }

    /**
     * Unbinds {@code target} from {@code pattern} and drops trie nodes left empty.
     *
     * @return whether the pair was bound
     */
    public boolean remove(String pattern, T target) {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(target, "target");
        String[] words = TopicWords.split(pattern);
        synchronized (lock) {
            List<TrieNode<T>> path = new ArrayList<>(words.length + 1);
            TrieNode<T> node = root;
            path.add(node);
            for (String word : words) {
                node = node.child(word);
                if (node == null) {
                    return false;
                }
                path.add(node);
            }
            if (!node.removeTarget(target)) {
                return false;
            }
            size--;
            for (int depth = words.length; depth > 0 && path.get(depth).isEmpty(); depth--) {
                path.get(depth - 1).removeChild(words[depth - 1]);
            }
            return true;
        }
    }

    /** Hands each target bound to a pattern that matches {@code routingKey} to {@code sink}, once. */
    public void match(String routingKey, Consumer<? super T> sink) {
        Objects.requireNonNull(routingKey, "routingKey");
        Objects.requireNonNull(sink, "sink");
        new TrieWalk<T>(TopicWords.split(routingKey), sink, recursionLimit).walkFrom(root);
    }

    /** The number of bound (pattern, target) pairs. */
    public int size() {
        return size;
    }

    /** Trie nodes including the root; lets tests check that removal prunes. */
    int nodeCount() {
        synchronized (lock) {
            return root.nodeCount();
        }
    }
}
