package io.warren.broker.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@link Permission} compiled once, answering "may this name be touched for this kind of access" without
 * allocating once a name has been seen: the two common expressions ({@code ""} and {@code ".*"}) never run a
 * regex, and answers for other expressions are remembered per name (up to {@value #MAX_REMEMBERED} names per
 * kind; beyond that the regex is run each time).
 *
 * <p>Thread-safe: the patterns are immutable and the remembered answers live in concurrent maps. An instance
 * is replaced, never changed, when the permission changes, so stale answers cannot survive a change.
 */
final class PermissionMatcher {

    static final int MAX_REMEMBERED = 4096;

    private final Permission permission;
    private final NameRule[] rules;

    private PermissionMatcher(Permission permission, NameRule[] rules) {
        this.permission = permission;
        this.rules = rules;
    }

    /**
     * Compiles the three expressions.
     *
     * @throws IllegalArgumentException if one is not a valid regex; the message names the user, the vhost and
     *     which of configure, write and read is wrong
     */
    static PermissionMatcher compile(String user, Permission permission) {
        PermissionKind[] kinds = PermissionKind.values();
        NameRule[] rules = new NameRule[kinds.length];
        for (PermissionKind kind : kinds) {
            String regex = permission.regex(kind);
            try {
                rules[kind.ordinal()] = NameRule.of(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid " + kind.word() + " permission for user '" + user
                        + "' in vhost '" + permission.vhost() + "': " + e.getDescription() + " near index "
                        + e.getIndex() + " of '" + regex + "'", e);
            }
        }
        return new PermissionMatcher(permission, rules);
    }

    Permission permission() {
        return permission;
    }

    boolean allows(PermissionKind kind, String name) {
        return rules[kind.ordinal()].allows(name);
    }

    /** One compiled expression. */
    private abstract static class NameRule {

        private static final NameRule NOTHING = new NameRule() {
            @Override
            boolean allows(String name) {
                return false;
            }
        };

        private static final NameRule EVERYTHING = new NameRule() {
            @Override
            boolean allows(String name) {
                // find() of ".*" succeeds on every input: it matches the empty string at index 0.
                return true;
            }
        };

        static NameRule of(String regex) {
            if (regex.isEmpty()) {
                return NOTHING;
            }
            if (regex.equals(".*")) {
                return EVERYTHING;
            }
            return new RegexRule(Pattern.compile(regex));
        }

        abstract boolean allows(String name);
    }

    private static final class RegexRule extends NameRule {

        private final Pattern pattern;
        private final ConcurrentHashMap<String, Boolean> answers = new ConcurrentHashMap<>();

        RegexRule(Pattern pattern) {
            this.pattern = pattern;
        }

        @Override
        boolean allows(String name) {
            Boolean known = answers.get(name);
            if (known != null) {
                return known;
            }
            boolean found = pattern.matcher(name).find();
            // Not exact under races (a few more entries may slip in); the bound only has to stop unbounded growth.
            if (answers.size() < MAX_REMEMBERED) {
                answers.put(name, found);
            }
            return found;
        }
    }
}
