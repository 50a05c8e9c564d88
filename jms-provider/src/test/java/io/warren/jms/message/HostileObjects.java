package io.warren.jms.message;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;

/** Object graphs built to break a receiver, for the tests of ObjectMessage limits. */
public final class HostileObjects {
    private HostileObjects() {
    }

    /** A list holding a list holding ... {@code depth} deep. */
    public static ArrayList<Object> nestedLists(int depth) {
        ArrayList<Object> root = new ArrayList<>();
        ArrayList<Object> current = root;
        for (int i = 1; i < depth; i++) {
            ArrayList<Object> inner = new ArrayList<>();
            current.add(inner);
            current = inner;
        }
        return root;
    }

    /**
     * The classic deserialisation bomb ("SerialDOS"): {@code levels} levels of two sets each, every set of a level
     * holding both of the next; tiny when serialised, but {@code HashSet.readObject} hashes 2<sup>levels</sup> sets.
     */
    public static Serializable setBomb(int levels) {
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < levels; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("foo");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        return (Serializable) root;
    }
}
