package io.warren.jms.url;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the {@code users} option of a {@code vm://} URL: the users its in-JVM broker lets in, written
 * {@code name:password;name2:password2}. A name runs to the first {@code ':'} of its entry and so cannot hold
 * one; a password runs to the next {@code ';'} and may hold {@code ':'} but not {@code ';'} (put such users in a
 * {@code usersFile}). The option's value is percent-decoded before it is split, like every option. Stateless.
 */
public final class InlineUsers {
    private InlineUsers() {
    }

    /**
     * The users of an option value, name to password, in the order given.
     *
     * @throws IllegalArgumentException naming the entry's user (or its position when it has none) when an entry
     *                                  lacks a name or a password, or a name is given twice; never showing a
     *                                  password
     */
    public static Map<String, String> parse(String value) {
        Map<String, String> users = new LinkedHashMap<>();
        String[] entries = value.split(";", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i];
            if (entry.isEmpty()) {
                continue; // a trailing or doubled ';' says nothing
            }
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("entry " + (i + 1) + " of option users has no user name before"
                        + " a ':': expected users=name:password;name2:password2");
            }
            String name = entry.substring(0, colon);
            String password = entry.substring(colon + 1);
            if (password.isEmpty()) {
                throw new IllegalArgumentException("user '" + name + "' of option users has an empty password:"
                        + " a broker never accepts one");
            }
            if (users.put(name, password) != null) {
                throw new IllegalArgumentException("user '" + name + "' is given twice in option users: keep one");
            }
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException("option users names no user: expected users=name:password;...");
        }
        return Collections.unmodifiableMap(users);
    }
}
