package io.warren.broker.security;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The registry of users and their per-vhost permissions, like RabbitMQ's internal auth backend. One store
 * serves a broker: {@link io.warren.broker.BrokerConfig#users} hands it to the broker, {@code vm://}
 * connections log in against it with {@link #checkLogin}, and the AMQP server, when it runs the broker,
 * checks SASL logins and permissions against the very same object, so a user added here can log in both ways
 * at once. Permissions
 * are validated and compiled when set, so {@link AccessControl} only looks them up. Successful password
 * checks are cached (see {@link VerifiedCredentials}) and forgotten when the password changes or the user is
 * deleted.
 *
 * <p>Thread-safe. Each user is one immutable entry in a concurrent map, replaced atomically per change, so a
 * reader sees a user and its permissions either wholly before or wholly after a change, and concurrent
 * changes to one user are never lost. Password hashing (about 100 ms) runs before the entry is touched, never
 * while other threads wait. Vhost names are not checked against any vhost registry.
 *
 * <p>Methods taking a user name throw {@link IllegalArgumentException} naming the user when it does not
 * exist (RabbitMQ's {@code no_such_user}), except {@link #user}, which returns empty.
 */
public final class UserStore {

    /** RabbitMQ's default user, created by {@link #withDefaultGuest}. */
    public static final String GUEST = "guest";
    /** RabbitMQ's default vhost. */
    public static final String DEFAULT_VHOST = "/";

    private final PasswordHasher hasher;
    private final ConcurrentHashMap<String, Account> accounts = new ConcurrentHashMap<>();
    private final VerifiedCredentials verified = new VerifiedCredentials();
    /** Verified against when a login names an unknown user, so that case takes as long as a wrong password. */
    private volatile String decoyHash;

    /** An empty store hashing with {@link PasswordHasher#DEFAULT_ITERATIONS} iterations. */
    public UserStore() {
        this(new PasswordHasher());
    }

    /** An empty store hashing new passwords with {@code hasher}. */
    public UserStore(PasswordHasher hasher) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /**
     * RabbitMQ's out-of-the-box setup: user {@code guest} with password {@code guest}, tag
     * {@code administrator}, allowed to log in only from loopback addresses, with {@code ".*"} for configure,
     * write and read on vhost {@code "/"}.
     */
    public static UserStore withDefaultGuest() {
        return withDefaultGuest(new PasswordHasher());
    }

    /** {@link #withDefaultGuest()} with a chosen hasher (tests use few iterations). */
    public static UserStore withDefaultGuest(PasswordHasher hasher) {
        UserStore store = new UserStore(hasher);
        store.addUser(GUEST, GUEST.toCharArray(), Set.of(User.ADMINISTRATOR));
        store.setLoopbackOnly(GUEST, true);
        store.setPermissions(GUEST, DEFAULT_VHOST, ".*", ".*", ".*");
        return store;
    }

    /**
     * Adds a user that may log in from anywhere, with no permissions.
     *
     * @throws IllegalArgumentException if the user exists or the name is empty
     */
    public User addUser(String name, char[] password, Set<String> tags) {
        Objects.requireNonNull(password, "password");
        checkAbsent(name);
        return addUserWithHash(name, hasher.hash(password), tags);
    }

    /**
     * Adds a user whose password hash was made elsewhere by {@link PasswordHasher#hash} (for example loaded
     * from a definitions file).
     *
     * @throws IllegalArgumentException if the user exists, the name is empty or the hash is malformed
     */
    public User addUserWithHash(String name, String passwordHash, Set<String> tags) {
        PasswordHasher.checkEncoding(passwordHash);
        User user = new User(name, passwordHash, tags, false);
        if (accounts.putIfAbsent(name, new Account(user, Map.of())) != null) {
            throw new IllegalArgumentException("user '" + name + "' already exists");
        }
        verified.forget(name);
        return user;
    }

    /** Restricts the user to loopback connections, or lifts the restriction. */
    public void setLoopbackOnly(String name, boolean loopbackOnly) {
        update(name, account -> account.withUser(account.user().withLoopbackOnly(loopbackOnly)));
    }

    /** Replaces the user's tags. */
    public void setTags(String name, Set<String> tags) {
        Set<String> copy = Set.copyOf(tags);
        update(name, account -> account.withUser(account.user().withTags(copy)));
    }

    /** Replaces the user's password; logins with the old one fail from the moment this returns. */
    public void changePassword(String name, char[] newPassword) {
        Objects.requireNonNull(newPassword, "newPassword");
        checkPresent(name);
        String hash = hasher.hash(newPassword);
        update(name, account -> account.withUser(account.user().withPasswordHash(hash)));
        verified.forget(name);
    }

    /**
     * Replaces the user's password hash with one made elsewhere by {@link PasswordHasher#hash} (a management
     * client or a definitions import sending {@code password_hash}); logins with the old password fail from
     * the moment this returns. Tags, permissions and the loopback restriction stay.
     *
     * @throws IllegalArgumentException if the hash is malformed or the user does not exist
     */
    public void changePasswordHash(String name, String passwordHash) {
        PasswordHasher.checkEncoding(passwordHash);
        update(name, account -> account.withUser(account.user().withPasswordHash(passwordHash)));
        verified.forget(name);
    }

    /** Removes the user and all its permissions. */
    public void deleteUser(String name) {
        if (accounts.remove(name) == null) {
            throw noSuchUser(name);
        }
        verified.forget(name);
    }

    /**
     * Sets the user's permissions in {@code vhost}, replacing any there were (RabbitMQ's
     * {@code set_permissions}). See {@link Permission} for how the expressions match.
     *
     * @throws IllegalArgumentException if an expression is not a valid regex (the message names user, vhost
     *     and which of the three is wrong) or the user does not exist
     */
    public void setPermissions(String user, String vhost, String configure, String write, String read) {
        PermissionMatcher matcher = PermissionMatcher.compile(user, new Permission(vhost, configure, write, read));
        update(user, account -> account.withPermission(vhost, matcher));
    }

    /**
     * Checks permissions as {@link #setPermissions} would, without setting them: for validating a batch (a
     * definitions import) before any of it is applied.
     *
     * @throws IllegalArgumentException if an expression is not a valid regex; the message names user, vhost
     *     and which of the three is wrong
     */
    public static void checkPermissions(String user, String vhost, String configure, String write, String read) {
        PermissionMatcher.compile(user, new Permission(vhost, configure, write, read));
    }

    /** Removes the user's permissions in {@code vhost}; it can then no longer open that vhost. */
    public void clearPermissions(String user, String vhost) {
        Objects.requireNonNull(vhost, "vhost");
        update(user, account -> account.withoutPermission(vhost));
    }

    /** The user names and their tags; never password hashes. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("UserStore[");
        for (User u : users()) {
            b.append(b.length() > 10 ? ", " : "").append(u.name()).append(u.tags());
        }
        return b.append(']').toString();
    }

    /** A snapshot of all users, sorted by name. */
    public List<User> users() {
        return accounts.values().stream().map(Account::user).sorted(Comparator.comparing(User::name)).toList();
    }

    /** The user named {@code name}, if there is one. */
    public Optional<User> user(String name) {
        Account account = accounts.get(name);
        return account == null ? Optional.empty() : Optional.of(account.user());
    }

    /** A snapshot of the user's permissions keyed by vhost. */
    public Map<String, Permission> permissions(String user) {
        Account account = accounts.get(user);
        if (account == null) {
            throw noSuchUser(user);
        }
        Map<String, Permission> result = new HashMap<>();
        account.permissions().forEach((vhost, matcher) -> result.put(vhost, matcher.permission()));
        return Map.copyOf(result);
    }

    /** The compiled permission of {@code user} in {@code vhost}, or null; allocation-free. */
    PermissionMatcher matcher(String user, String vhost) {
        Account account = accounts.get(user);
        return account == null ? null : account.permissions().get(vhost);
    }

    /**
     * Checks a user name and password, the one login rule every way into the broker shares (the AMQP server's
     * SASL logins and {@code vm://} connections): an unknown name is checked against a decoy hash so it takes
     * as long as a wrong password, an empty password is refused even if it matches, and a password that
     * passed for the user before is answered from a cache of salted SHA-256 digests instead of a PBKDF2 run
     * (about 100 ms). Wrong passwords are never cached. Loopback-only restrictions are the caller's to
     * apply, as only it knows where the login came from. The caller keeps and may clear {@code password}.
     *
     * <p>Thread-safe; may be called from any number of threads at once. Blocks for one PBKDF2 run unless
     * the password is cached, so never call it on an event loop.
     */
    public LoginCheck checkLogin(String name, char[] password) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
        Account account = accounts.get(name);
        if (account == null) {
            verifyAgainstDecoy(password);
            return LoginCheck.refused(LoginCheck.Refusal.NO_SUCH_USER);
        }
        User user = account.user();
        // Checked even for a blank password, so its timing does not reveal that the user exists.
        boolean matches = passwordMatches(user, password);
        if (password.length == 0) {
            return LoginCheck.refused(LoginCheck.Refusal.EMPTY_PASSWORD);
        }
        return matches ? LoginCheck.accepted(user) : LoginCheck.refused(LoginCheck.Refusal.WRONG_PASSWORD);
    }

    /** Whether the store has no users at all. */
    public boolean isEmpty() {
        return accounts.isEmpty();
    }

    /** Whether {@code password} is {@code user}'s, answered from the cache when it passed before. */
    boolean passwordMatches(User user, char[] password) {
        byte[] digest = verified.digest(password);
        if (verified.contains(user, digest)) {
            return true;
        }
        boolean matches = hasher.verify(password, user.passwordHash());
        if (matches) {
            verified.remember(user, digest);
        }
        return matches;
    }

    /** Spends the time of a password check for a login naming no user, so timing does not reveal that. */
    private void verifyAgainstDecoy(char[] password) {
        String decoy = decoyHash;
        if (decoy == null) {
            // Racy initialisation is harmless: any decoy works, and hashing twice only costs time.
            decoy = hasher.hash("decoy password of no user".toCharArray());
            decoyHash = decoy;
        }
        hasher.verify(password, decoy);
    }

    private void update(String name, UnaryOperator<Account> change) {
        Objects.requireNonNull(name, "user name");
        if (accounts.computeIfPresent(name, (key, account) -> change.apply(account)) == null) {
            throw noSuchUser(name);
        }
    }

    private void checkAbsent(String name) {
        if (accounts.containsKey(Objects.requireNonNull(name, "name"))) {
            throw new IllegalArgumentException("user '" + name + "' already exists");
        }
    }

    private void checkPresent(String name) {
        if (!accounts.containsKey(Objects.requireNonNull(name, "name"))) {
            throw noSuchUser(name);
        }
    }

    private static IllegalArgumentException noSuchUser(String name) {
        return new IllegalArgumentException("user '" + name + "' does not exist");
    }

    /** A user with its compiled permissions by vhost; immutable, replaced on every change. */
    private record Account(User user, Map<String, PermissionMatcher> permissions) {

        Account withUser(User newUser) {
            return new Account(newUser, permissions);
        }

        Account withPermission(String vhost, PermissionMatcher matcher) {
            Map<String, PermissionMatcher> copy = new HashMap<>(permissions);
            copy.put(vhost, matcher);
            return new Account(user, Map.copyOf(copy));
        }

        Account withoutPermission(String vhost) {
            Map<String, PermissionMatcher> copy = new HashMap<>(permissions);
            copy.remove(vhost);
            return new Account(user, Map.copyOf(copy));
        }
    }
}
