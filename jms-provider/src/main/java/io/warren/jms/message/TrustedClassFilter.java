package io.warren.jms.message;

import java.io.ObjectInputFilter;

/**
 * Rejects every class an {@link ObjectMessagePolicy} does not trust, while deserialising, before an instance of
 * it is created; remembers the first one rejected. A process-wide filter ({@code jdk.serialFilter}) still applies.
 */
final class TrustedClassFilter implements ObjectInputFilter {
    private final ObjectMessagePolicy policy;
    private final ObjectInputFilter processWide = ObjectInputFilter.Config.getSerialFilter();
    private String rejected;

    TrustedClassFilter(ObjectMessagePolicy policy) {
        this.policy = policy;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (processWide != null) {
            Status s = processWide.checkInput(info);
            if (s == Status.REJECTED) {
                if (info.serialClass() != null) {
                    remember(info.serialClass());
                }
                return s;
            }
        }
        Class<?> c = info.serialClass();
        if (c == null) {
            return Status.UNDECIDED;
        }
        if (policy.isTrusted(c)) {
            return Status.ALLOWED;
        }
        remember(c);
        return Status.REJECTED;
    }

    private void remember(Class<?> c) {
        if (rejected == null) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            rejected = c.getName();
        }
    }

    /** The first class rejected, or null. */
    String rejected() {
        return rejected;
    }
}
