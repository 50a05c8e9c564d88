package io.warren.broker.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, per user, the last password that passed a full {@link PasswordHasher#verify}, so that a storm
 * of reconnects costs one SHA-256 each instead of a PBKDF2 run. Only the SHA-256 of a per-process random
 * salt and the password is kept, never the password; an entry also records the stored hash it was checked
 * against, so it is ignored once the user's password has changed even if {@link #forget} raced with it.
 * Wrong passwords are never remembered: guessing stays as slow as PBKDF2 makes it.
 *
 * <p>Bounded at {@value #MAX_USERS} users; when full, everything is dropped and refilled by later logins.
 * Thread-safe (a concurrent map of immutable entries).
 */
final class VerifiedCredentials {

    static final int MAX_USERS = 10_000;

    private final byte[] salt = new byte[16];
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    VerifiedCredentials() {
        new SecureRandom().nextBytes(salt);
    }

    /** The digest {@link #contains} and {@link #remember} take. */
    byte[] digest(char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            sha256.update(bytes.duplicate());
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        } finally {
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }

    boolean contains(User user, byte[] digest) {
        Entry entry = entries.get(user.name());
        return entry != null && entry.passwordHash.equals(user.passwordHash())
                && MessageDigest.isEqual(entry.digest, digest);
    }

    void remember(User user, byte[] digest) {
        if (entries.size() >= MAX_USERS) {
            entries.clear();
        }
        entries.put(user.name(), new Entry(user.passwordHash(), digest.clone()));
    }

    void forget(String name) {
        entries.remove(name);
    }

    private record Entry(String passwordHash, byte[] digest) {
    }
}
