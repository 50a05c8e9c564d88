package io.warren.server.config;

/**
 * A configuration key that is unknown, has a value of the wrong form, or contradicts another key. The message
 * reads {@code <where>: <key>: <what is wrong and what is expected>}, for example
 * {@code /etc/warren/warren.conf:12: heartbeat: expected whole seconds 0..65535, got 'soon'}, so a launcher can
 * print it as the one line a user needs.
 */
public final class InvalidConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String location;
    private final String key;

    /**
     * @param location where the key was set: {@code file:line}, {@code command line} or {@code defaults}
     * @param key      the key at fault
     * @param problem  what is wrong and what is expected
     */
    public InvalidConfigException(String location, String key, String problem) {
        this(location, key, problem, null);
    }

    /** As {@link #InvalidConfigException(String, String, String)}, keeping the failure that revealed it. */
    public InvalidConfigException(String location, String key, String problem, Throwable cause) {
        super(location + ": " + key + ": " + problem, cause);
        this.location = location;
        this.key = key;
    }

    /** Where the key was set: {@code file:line}, {@code command line} or {@code defaults}. */
    public String location() {
        return location;
    }

    /** The key at fault. */
    public String key() {
        return key;
    }
}
