package io.warren.jms.transport.vm;

import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.UserStore;
import io.warren.jms.url.ConnectionUrl;
import io.warren.jms.url.InlineUsers;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The users a {@code vm://} URL gives the in-JVM broker it starts: inline ({@code users=name:password;...}, see
 * {@link InlineUsers}) and from a file ({@code usersFile=PATH}). The file is a Java properties file read as UTF-8
 * by {@link Properties#load(Reader)} (so {@code #} comments and {@code \} escapes work as usual), one
 * {@code name=password} per line, like Artemis' {@code artemis-users.properties}; a password that starts with
 * {@value PasswordHasher#SCHEME}{@code $} is taken as a hash written by {@link PasswordHasher#hash} (the format
 * {@code warren.conf} and the management API accept), any other as the password in clear. With neither option
 * the broker has no user store and lets every client in, as before users existed.
 *
 * <p>A URL that joins a running broker and gives {@code users} or {@code usersFile} must give what the broker was
 * started with ({@link #differences}); one that gives neither joins it as it runs, with its users. Immutable; the
 * file is read once, when the broker starts.
 *
 * @param inline the inline users, name to password in clear; empty when the URL has no {@code users}
 * @param file   the users file, absolute and normalised; null when the URL has no {@code usersFile}
 */
record BrokerUsers(Map<String, String> inline, Path file) {
    static final BrokerUsers NONE = new BrokerUsers(Map.of(), null);

    BrokerUsers {
        inline = Map.copyOf(inline);
    }

    /** What the URL asks for. */
    static BrokerUsers of(ConnectionUrl url) {
        String users = url.option("users");
        String file = url.option("usersFile");
        return new BrokerUsers(users == null ? Map.of() : InlineUsers.parse(users),
                file == null ? null : Path.of(file).toAbsolutePath().normalize());
    }

    /**
     * A new store holding these users, each hashed at full strength (about 100 ms a user, paid once when the broker
     * starts), or null when there are none to hold: the broker is open.
     *
     * @throws IllegalArgumentException when the file cannot be read or is malformed, or names a user also given
     *                                  inline; the message names the file and the user, never a password
     */
    UserStore newStore() {
        if (inline.isEmpty() && file == null) {
            return null;
        }
        UserStore store = new UserStore();
        inline.forEach((name, password) -> store.addUser(name, password.toCharArray(), Set.of()));
        if (file != null) {
            Properties entries = read(file);
            for (String name : new TreeSet<>(entries.stringPropertyNames())) {
                String password = entries.getProperty(name);
                if (store.user(name).isPresent()) {
                    throw new IllegalArgumentException("user '" + name + "' of users file " + file
                            + " is also given in option users: keep one");
                }
                if (name.isEmpty() || password.isEmpty()) {
                    throw new IllegalArgumentException("users file " + file + " has an entry with an empty "
                            + (name.isEmpty() ? "user name" : "password (user '" + name + "')")
                            + ": expected name=password lines");
                }
                if (password.startsWith(PasswordHasher.SCHEME + "$")) {
                    try {
                        store.addUserWithHash(name, password, Set.of());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("user '" + name + "' of users file " + file + ": "
                                + e.getMessage(), e);
                    }
                } else {
                    store.addUser(name, password.toCharArray(), Set.of());
                }
            }
        }
        return store;
    }

    private static Properties read(Path file) {
        Properties entries = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            entries.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read users file " + file + " (option usersFile): " + e, e);
        }
        return entries;
    }

    /**
     * How the {@code users} and {@code usersFile} options of {@code url} differ from what {@code running} was
     * started with, one message per option naming user names at most; empty when they agree or the URL gives
     * neither.
     */
    static List<String> differences(ConnectionUrl url, BrokerUsers running) {
        BrokerUsers asked = of(url);
        List<String> differences = new ArrayList<>();
        if (url.option("usersFile") != null && !Objects.equals(asked.file, running.file)) {
            differences.add("usersFile: the running broker has " + (running.file == null ? "none" : "'"
                    + running.file + "'") + ", this URL '" + asked.file + "'");
        }
        if (url.option("users") != null) {
            Set<String> has = new TreeSet<>(running.inline.keySet());
            Set<String> wants = new TreeSet<>(asked.inline.keySet());
            if (!has.equals(wants)) {
                differences.add("users: the running broker has " + (has.isEmpty() ? "none" : has)
                        + " inline, this URL " + wants);
            } else {
                for (String name : wants) {
                    if (!asked.inline.get(name).equals(running.inline.get(name))) {
                        differences.add("users: the running broker has another password for user '" + name
                                + "' than this URL");
                    }
                }
            }
        }
        return differences;
    }

    /** The user names, never the passwords. */
    @Override
    public String toString() {
        return "BrokerUsers[inline=" + new TreeSet<>(inline.keySet()) + ", file=" + file + "]";
    }
}
