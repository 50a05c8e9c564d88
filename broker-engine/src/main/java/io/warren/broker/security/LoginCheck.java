package io.warren.broker.security;

import java.util.Objects;

/**
 * The outcome of {@link UserStore#checkLogin}: the user when the name and password verify, otherwise the real
 * reason for the refusal. The reason is for the broker log only; what a client is told must not reveal
 * whether the name exists (the AMQP server and the {@code vm://} transport both give one text for every
 * refusal). Immutable.
 *
 * @param user the user as the store held it at the check, or null if refused
 * @param refusal why the login was refused, or null if it was accepted
 */
public record LoginCheck(User user, Refusal refusal) {

    /** Why a login was refused; {@link #reason()} is the text the broker logs. */
    public enum Refusal {
        /** No user has that name. */
        NO_SUCH_USER("no such user"),
        /** The password was empty; never accepted, as in RabbitMQ, whatever the stored hash. */
        EMPTY_PASSWORD("empty password"),
        /** The password is not the user's. */
        WRONG_PASSWORD("wrong password");

        private final String reason;

        Refusal(String reason) {
            this.reason = reason;
        }

        /** The lower-case reason for the broker log, e.g. {@code "wrong password"}. */
        public String reason() {
            return reason;
        }
    }

    /** @throws IllegalArgumentException unless exactly one of the two is null */
    public LoginCheck {
        if ((user == null) == (refusal == null)) {
            throw new IllegalArgumentException("a login check has either a user or a refusal");
        }
    }

    static LoginCheck accepted(User user) {
        return new LoginCheck(Objects.requireNonNull(user, "user"), null);
    }

    static LoginCheck refused(Refusal refusal) {
        return new LoginCheck(null, Objects.requireNonNull(refusal, "refusal"));
    }

    /** Whether the name and password verified. */
    public boolean accepted() {
        return user != null;
    }
}
