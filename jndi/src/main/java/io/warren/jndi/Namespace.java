package io.warren.jndi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a JNDI environment configured: the objects bound by name, and names deliberately left unbound with the
 * reason, so that looking one of those up explains itself instead of only saying "not found".
 *
 * @param objects  bound objects by their full (flat) name
 * @param unbound  names left unbound, with why
 */
record Namespace(Map<String, Object> objects, Map<String, String> unbound) {
    Namespace {
        objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
        unbound = Collections.unmodifiableMap(new LinkedHashMap<>(unbound));
    }
}
