package io.warren.broker.exchange.headers;

import io.warren.broker.BrokerException;

/** The {@code x-match} binding argument of a headers exchange binding. */
enum XMatch {
    ALL("all", true, false),
    ANY("any", false, false),
    ALL_WITH_X("all-with-x", true, true),
    ANY_WITH_X("any-with-x", false, true);

    static final String ARGUMENT = "x-match";

    private final String value;
    private final boolean all;
    private final boolean withX;

    XMatch(String value, boolean all, boolean withX) {
        this.value = value;
        this.all = all;
        this.withX = withX;
    }

    /** True when every match entry must hold, false when one is enough. */
    boolean requiresAll() {
        return all;
    }

    /** True when binding keys starting with {@code x-} (other than x-match) take part in the match. */
    boolean includesXKeys() {
        return withX;
    }

    /** Parses the argument's value; {@code present} is false when the binding has no x-match at all. */
    static XMatch parse(boolean present, Object value) {
        if (!present) {
            return ALL;
        }
        if (!(value instanceof String)) {
            String type = value == null ? "null" : value.getClass().getSimpleName();
            throw BrokerException.invalidArgument("Invalid x-match argument of type " + type + " (value " + value
                    + "); expected a String: all, any, all-with-x or any-with-x");
        }
        for (XMatch mode : values()) {
            if (mode.value.equals(value)) {
                return mode;
            }
        }
        throw BrokerException.invalidArgument("Invalid x-match value '" + value
                + "'; expected all, any, all-with-x or any-with-x");
    }

    @Override
    public String toString() {
        return value;
    }
}
