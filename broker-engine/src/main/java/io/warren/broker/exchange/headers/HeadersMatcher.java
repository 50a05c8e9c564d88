package io.warren.broker.exchange.headers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a message's headers match one headers-exchange binding, with RabbitMQ's semantics.
 *
 * <p>The binding argument {@code x-match} chooses the mode: {@code all} (the default when absent),
 * {@code any}, {@code all-with-x} or {@code any-with-x}. Every other binding argument is a match entry,
 * except that {@code all} and {@code any} ignore arguments whose name starts with {@code x-}. An entry whose
 * value is null requires the header to be present with any value; otherwise the header must hold an equal
 * value of the same type class: Byte/Short/Integer/Long by numeric value across widths, Float/Double by
 * numeric value, BigDecimal by numeric value, byte[] by content, anything else (String, Boolean,
 * Character, ...) by {@code equals}. {@code all} needs every entry to hold and so matches anything when
 * there are none; {@code any} needs one and so matches nothing when there are none.
 *
 * <p>The entries are captured when the matcher is built; the matcher is immutable and thread-safe.
 */
public final class HeadersMatcher {
    private final XMatch mode;
    private final String[] keys;
    private final ExpectedValue[] expected;

    private HeadersMatcher(XMatch mode, String[] keys, ExpectedValue[] expected) {
        this.mode = mode;
        this.keys = keys;
        this.expected = expected;
    }

    /**
     * Builds the matcher for a binding's arguments (null means none).
     *
     * @throws io.warren.broker.BrokerException with {@code INVALID_ARGUMENT} when {@code x-match} is present
     *         but is not one of the Strings all, any, all-with-x, any-with-x
     */
    public static HeadersMatcher fromBindingArguments(Map<String, Object> arguments) {
        Map<String, Object> args = arguments == null ? Map.of() : arguments;
        XMatch mode = XMatch.parse(args.containsKey(XMatch.ARGUMENT), args.get(XMatch.ARGUMENT));
        List<String> keys = new ArrayList<>(args.size());
        List<ExpectedValue> expected = new ArrayList<>(args.size());
        for (Map.Entry<String, Object> entry : args.entrySet()) {
            String key = entry.getKey();
            if (key == null || key.equals(XMatch.ARGUMENT) || (key.startsWith("x-") && !mode.includesXKeys())) {
                continue;
            }
            keys.add(key);
            expected.add(ExpectedValue.of(entry.getValue()));
        }
        return new HeadersMatcher(mode, keys.toArray(new String[0]), expected.toArray(new ExpectedValue[0]));
    }

    /** Whether a message with these headers (null means none) is routed through the binding. */
    public boolean matches(Map<String, Object> headers) {
        boolean all = mode.requiresAll();
        if (keys.length == 0) {
            return all;
        }
        if (headers == null || headers.isEmpty()) {
            return false;
        }
        for (int i = 0; i < keys.length; i++) {
            if (expected[i].matches(headers, keys[i]) != all) {
                return !all;
            }
        }
        return all;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("HeadersMatcher[x-match=").append(mode);
        for (int i = 0; i < keys.length; i++) {
            sb.append(", ").append(keys[i]).append('=').append(expected[i]);
        }
        return sb.append(']').toString();
    }
}
