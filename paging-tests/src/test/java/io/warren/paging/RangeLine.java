package io.warren.paging;

import java.util.HashMap;
import java.util.Map;

/** A {@link Sequences.Range} as the child printed it ({@code LABEL count=N first=N ... colors=B}), parsed back. */
record RangeLine(long count, long first, long last, boolean consecutive, boolean increasing, boolean bodies,
                 boolean colors, String text) {

    static RangeLine parse(String line) {
        Map<String, String> v = new HashMap<>();
        for (String word : line.split(" ")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                v.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return new RangeLine(Long.parseLong(v.get("count")), Long.parseLong(v.get("first")),
                Long.parseLong(v.get("last")), Boolean.parseBoolean(v.get("consecutive")),
                Boolean.parseBoolean(v.get("increasing")), Boolean.parseBoolean(v.get("bodies")),
                Boolean.parseBoolean(v.get("colors")), line);
    }

    @Override
    public String toString() {
        return text;
    }
}
