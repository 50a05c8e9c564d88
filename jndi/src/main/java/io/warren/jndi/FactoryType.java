package io.warren.jndi;

import io.warren.jms.url.ConnectionUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.naming.NamingException;

/**
 * Artemis's {@code type} parameter on a JNDI connection factory URL, which says whether the factory is an XA
 * one: {@code CF}, {@code QUEUE_CF}, {@code TOPIC_CF} (plain) or {@code XA_CF}, {@code QUEUE_XA_CF},
 * {@code TOPIC_XA_CF} (XA). Warren's factories serve both domains, so only XA or not matters.
 *
 * @param url the URL without the {@code type} parameter
 * @param xa  whether an XA factory was asked for
 */
record FactoryType(String url, boolean xa) {
    private static final Set<String> PLAIN = Set.of("CF", "QUEUE_CF", "TOPIC_CF");
    private static final Set<String> XA = Set.of("XA_CF", "QUEUE_XA_CF", "TOPIC_XA_CF");

    static FactoryType of(String key, String url) throws NamingException {
        int q = url.indexOf('?');
        if (q < 0) {
            return new FactoryType(url, false);
        }
        List<String> kept = new ArrayList<>();
        String type = null;
        for (String param : url.substring(q + 1).split("&", -1)) {
            if (param.regionMatches(true, 0, "type=", 0, 5)) {
                type = param.substring(5).toUpperCase(Locale.ROOT);
            } else {
                kept.add(param);
            }
        }
        if (type == null) {
            return new FactoryType(url, false);
        }
        if (!PLAIN.contains(type) && !XA.contains(type)) {
            throw new NamingException("invalid JNDI environment entry " + key + "=" + ConnectionUrl.redact(url)
                    + ": type=" + type + " is not a connection factory type; expected one of CF, QUEUE_CF, TOPIC_CF,"
                    + " XA_CF, QUEUE_XA_CF, TOPIC_XA_CF");
        }
        String rest = String.join("&", kept);
        return new FactoryType(url.substring(0, q) + (rest.isEmpty() ? "" : "?" + rest), XA.contains(type));
    }
}
