package io.warren.broker.exchange.topic;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One node of the topic trie: the pattern prefix spelled by the path from the root. Readers use the
 * accessors without locking; the mutators must only be called while holding the owning matcher's lock.
 * The wildcard words {@code *} and {@code #} have their own fields, so a routing key's literal word
 * {@code *} or {@code #} can never be mistaken for a wildcard.
 */
final class TrieNode<T> {
    static final String STAR = "*";
    static final String HASH = "#";
    private static final Object[] NO_TARGETS = new Object[0];

    private volatile Map<String, TrieNode<T>> literals;
    private volatile TrieNode<T> star;
    private volatile TrieNode<T> hash;
    /** Copy-on-write: replaced, never modified, so a reader iterates a consistent snapshot. */
    private volatile Object[] targets = NO_TARGETS;

    TrieNode<T> literal(String word) {
        Map<String, TrieNode<T>> map = literals;
        return map == null ? null : map.get(word);
    }

    TrieNode<T> star() {
        return star;
    }

    TrieNode<T> hash() {
        return hash;
    }

    Object[] targets() {
        return targets;
    }

    /** The child for a pattern word, in which {@code *} and {@code #} are wildcards. */
    TrieNode<T> child(String patternWord) {
        switch (patternWord) {
            case STAR:
                return star;
            case HASH:
                return hash;
            default:
                return literal(patternWord);
        }
    }

    TrieNode<T> childOrCreate(String patternWord) {
        TrieNode<T> existing = child(patternWord);
        if (existing != null) {
            return existing;
        }
        TrieNode<T> created = new TrieNode<>();
        switch (patternWord) {
            case STAR:
                star = created;
                break;
            case HASH:
                hash = created;
                break;
            default:
                Map<String, TrieNode<T>> map = literals;
                if (map == null) {
                    map = new ConcurrentHashMap<>(4);
                    literals = map;
                }
                map.put(patternWord, created);
        }
        return created;
    }

    void removeChild(String patternWord) {
        switch (patternWord) {
            case STAR:
                star = null;
                break;
            case HASH:
                hash = null;
                break;
            default:
                Map<String, TrieNode<T>> map = literals;
                if (map != null) {
                    map.remove(patternWord);
                    if (map.isEmpty()) {
                        literals = null;
                    }
                }
        }
    }

    /** Returns false when an equal target is already bound here. */
    boolean addTarget(T target) {
        Object[] current = targets;
        if (indexOf(current, target) >= 0) {
            return false;
        }
        Object[] grown = Arrays.copyOf(current, current.length + 1);
        grown[current.length] = target;
        targets = grown;
        return true;
    }

    boolean removeTarget(T target) {
        Object[] current = targets;
        int index = indexOf(current, target);
        if (index < 0) {
            return false;
        }
        if (current.length == 1) {
            targets = NO_TARGETS;
            return true;
        }
        Object[] shrunk = new Object[current.length - 1];
        System.arraycopy(current, 0, shrunk, 0, index);
        System.arraycopy(current, index + 1, shrunk, index, current.length - index - 1);
        targets = shrunk;
        return true;
    }

    /** True when the node binds nothing and has no children, so it can be pruned. */
    boolean isEmpty() {
        return targets.length == 0 && star == null && hash == null && literals == null;
    }

    /** This node and all below it; iterative, so a pattern of any length cannot overflow the stack. */
    int nodeCount() {
        int count = 0;
        ArrayDeque<TrieNode<T>> pending = new ArrayDeque<>();
        pending.push(this);
        while (!pending.isEmpty()) {
            TrieNode<T> node = pending.pop();
            count++;
            Map<String, TrieNode<T>> map = node.literals;
            if (map != null) {
                map.values().forEach(pending::push);
            }
            if (node.star != null) {
                pending.push(node.star);
            }
            if (node.hash != null) {
                pending.push(node.hash);
            }
        }
        return count;
    }

    private static int indexOf(Object[] array, Object target) {
        for (int i = 0; i < array.length; i++) {
            if (array[i].equals(target)) {
                return i;
            }
        }
        return -1;
    }
}
