package io.warren.server.management.api;

import io.warren.broker.security.User;
import java.util.List;

/**
 * A user as {@code /api/users} shows it (and as definitions export it): name, sorted tags, the encoded
 * password hash and the name of its scheme ({@code pbkdf2-sha256}, the part of the hash before the first
 * {@code $}). The hash is shown to administrators only, as RabbitMQ does. Immutable.
 *
 * @param name             the user name
 * @param tags             its tags, sorted
 * @param passwordHash     the hash as {@code PasswordHasher} encodes it
 * @param hashingAlgorithm the hash's scheme
 */
record UserView(String name, List<String> tags, String passwordHash, String hashingAlgorithm) {

    static UserView of(User user) {
        String hash = user.passwordHash();
        int dollar = hash.indexOf('$');
        return new UserView(user.name(), user.tags().stream().sorted().toList(), hash,
                dollar < 0 ? hash : hash.substring(0, dollar));
    }
}
