package io.warren.broker.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted password hashing with PBKDF2-HMAC-SHA256 from the JDK. {@link #hash} draws a 16-byte random salt and
 * encodes the result as the self-describing string {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash
 * base64>}, so {@link #verify} works on any hash this class wrote, whatever iteration count it was made with.
 * The comparison is constant-time ({@link MessageDigest#isEqual}).
 *
 * <p>A hash costs about 100 ms at the default {@value #DEFAULT_ITERATIONS} iterations; callers that verify
 * often cache successful checks (see {@link UserStore}). Tests pass a smaller count to the constructor.
 *
 * <p>Thread-safe and stateless apart from its {@link SecureRandom}, which is itself thread-safe. Password
 * arrays are never kept; the caller owns and may clear them.
 */
public final class PasswordHasher {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 210_000;

    /** The name of the scheme, the first {@code $}-separated field of every hash. */
    public static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** Bounds what a stored hash may ask for, so a corrupt or hostile entry cannot stall a login thread. */
    private static final int MAX_ITERATIONS = 10_000_000;

    private final int iterations;
    private final SecureRandom random;

    /** A hasher with {@value #DEFAULT_ITERATIONS} iterations. */
    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    /**
     * A hasher writing hashes with {@code iterations} rounds (fewer than the default only for tests).
     *
     * @throws IllegalArgumentException if {@code iterations} is not positive or absurdly large
     */
    public PasswordHasher(int iterations) {
        this(iterations, new SecureRandom());
    }

    PasswordHasher(int iterations, SecureRandom random) {
        checkIterations(iterations);
        this.iterations = iterations;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The iteration count new hashes are written with. */
    public int iterations() {
        return iterations;
    }

    /** Hashes {@code password} with a fresh random salt; two calls with the same password give different strings. */
    public String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations, HASH_BYTES);
        Base64.Encoder base64 = Base64.getEncoder();
        return SCHEME + '$' + iterations + '$' + base64.encodeToString(salt) + '$' + base64.encodeToString(hash);
    }

    /**
     * Whether {@code password} is the one {@code encoded} was made from.
     *
     * @throws IllegalArgumentException if {@code encoded} is not a hash this class can read; the message says
     *     which part is wrong and never contains the hash itself
     */
    public boolean verify(char[] password, String encoded) {
        Objects.requireNonNull(password, "password");
        EncodedHash parsed = EncodedHash.parse(encoded);
        byte[] actual = derive(password, parsed.salt(), parsed.iterations(), parsed.hash().length);
        return MessageDigest.isEqual(actual, parsed.hash());
    }

    /**
     * Checks that {@code encoded} is well-formed without verifying anything against it.
     *
     * @throws IllegalArgumentException as {@link #verify} does
     */
    public static void checkEncoding(String encoded) {
        EncodedHash.parse(encoded);
    }

    static void checkIterations(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException(
                    "PBKDF2 iteration count must be between 1 and " + MAX_ITERATIONS + " but was " + iterations);
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int length) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, length * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every Java SE 8+ runtime must provide PBKDF2WithHmacSHA256.
            throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** The parts of an encoded hash; {@link #toString} hides salt and hash. */
    record EncodedHash(int iterations, byte[] salt, byte[] hash) {

        static EncodedHash parse(String encoded) {
            if (encoded == null) {
                throw new IllegalArgumentException("password hash is missing");
            }
            String[] fields = encoded.split("\\$", -1);
            if (fields.length != 4) {
                throw new IllegalArgumentException("password hash must have 4 '$'-separated fields "
                        + "(pbkdf2-sha256$<iterations>$<salt>$<hash>) but has " + fields.length);
            }
            if (!SCHEME.equals(fields[0])) {
                throw new IllegalArgumentException("password hash scheme is not " + SCHEME);
            }
            int iterations;
            try {
                iterations = Integer.parseInt(fields[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("password hash iteration count is not a number");
            }
            checkIterations(iterations);
            byte[] salt = decode(fields[2], "salt");
            byte[] hash = decode(fields[3], "hash");
            if (salt.length < 8) {
                throw new IllegalArgumentException("password hash salt is shorter than 8 bytes");
            }
            if (hash.length < 16) {
                throw new IllegalArgumentException("password hash value is shorter than 16 bytes");
            }
            return new EncodedHash(iterations, salt, hash);
        }

        private static byte[] decode(String field, String what) {
            try {
                return Base64.getDecoder().decode(field);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("password hash " + what + " is not valid base64");
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof EncodedHash other && iterations == other.iterations
                    && Arrays.equals(salt, other.salt) && Arrays.equals(hash, other.hash);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * iterations + Arrays.hashCode(salt)) + Arrays.hashCode(hash);
        }

        @Override
        public String toString() {
            return "EncodedHash[iterations=" + iterations + ", salt=<" + salt.length + " bytes>, hash=<"
                    + hash.length + " bytes>]";
        }
    }
}
