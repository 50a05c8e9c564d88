package io.warren.selector;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three-valued result of a selector, observed through the public API only: {@code e} is TRUE when it
 * matches, FALSE when {@code NOT (e)} matches, UNKNOWN when neither does.
 */
enum Truth {
    TRUE, FALSE, UNKNOWN;

    static Truth of(String expression, Map<String, ?> properties) {
        EvaluationContext context = properties::get;
        boolean matches = Selector.parse(expression).matches(context);
        boolean negationMatches = Selector.parse("NOT (" + expression + ")").matches(context);
        if (matches && negationMatches) {
            throw new AssertionError("both " + expression + " and its negation match " + properties);
        }
        return matches ? TRUE : negationMatches ? FALSE : UNKNOWN;
    }

    /** Message properties from name/value pairs; a name left out is an absent property. */
    static Map<String, Object> props(Object... namesAndValues) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            properties.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return properties;
    }
}
