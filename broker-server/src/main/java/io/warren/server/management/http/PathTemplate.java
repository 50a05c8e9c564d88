package io.warren.server.management.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A route's path such as {@code /api/permissions/{vhost}/{user}}: literal segments that must match exactly
 * and {@code {name}} segments that match any one decoded segment (which may contain {@code /}, having been
 * sent as {@code %2F}). Where two templates match the same path, the one with a literal at the first segment
 * where they differ is more specific ({@code /api/users/without-permissions} beats {@code
 * /api/users/{name}}). Immutable.
 */
final class PathTemplate {
    private final String text;
    /** Per segment: the literal text, or null for a variable. */
    private final List<String> literals;
    /** Per segment: the variable's name, or null for a literal. */
    private final List<String> names;

    private PathTemplate(String text, List<String> literals, List<String> names) {
        this.text = text;
        this.literals = literals;
        this.names = names;
    }

    /**
     * @throws IllegalArgumentException if the template does not start with {@code /}, has an empty segment,
     *     a malformed or repeated {@code {name}}
     */
    static PathTemplate parse(String template) {
        if (!template.startsWith("/") || template.length() < 2 || template.endsWith("/")) {
            throw new IllegalArgumentException("path template '" + template + "' must start with / and not end with /");
        }
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String segment : template.substring(1).split("/", -1)) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("path template '" + template + "' has an empty segment");
            }
            if (segment.startsWith("{") && segment.endsWith("}") && segment.length() > 2) {
                String name = segment.substring(1, segment.length() - 1);
                if (!seen.add(name)) {
                    throw new IllegalArgumentException("path template '" + template + "' repeats {" + name + "}");
                }
                literals.add(null);
                names.add(name);
            } else if (segment.contains("{") || segment.contains("}")) {
                throw new IllegalArgumentException("path template '" + template + "' has a malformed segment '"
                        + segment + "'");
            } else {
                literals.add(segment);
                names.add(null);
            }
        }
        // Lists with nulls for "the other kind", so List.copyOf cannot hold them.
        return new PathTemplate(template, Collections.unmodifiableList(literals), Collections.unmodifiableList(names));
    }

    /** The parameters by name if {@code segments} match this template, else null. */
    Map<String, String> match(List<String> segments) {
        if (segments.size() != literals.size()) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String literal = literals.get(i);
            if (literal == null) {
                parameters.put(names.get(i), segments.get(i));
            } else if (!literal.equals(segments.get(i))) {
                return null;
            }
        }
        return parameters;
    }

    /** Negative if this template is more specific than {@code other} (a literal where it has a variable). */
    int compareSpecificity(PathTemplate other) {
        int n = Math.min(literals.size(), other.literals.size());
        for (int i = 0; i < n; i++) {
            boolean mine = literals.get(i) != null;
            boolean theirs = other.literals.get(i) != null;
            if (mine != theirs) {
                return mine ? -1 : 1;
            }
        }
        return Integer.compare(literals.size(), other.literals.size());
    }

    /** The template as written, e.g. {@code /api/vhosts/{vhost}}. */
    String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
