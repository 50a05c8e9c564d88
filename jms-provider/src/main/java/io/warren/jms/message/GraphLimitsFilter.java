package io.warren.jms.message;

import java.io.ObjectInputFilter;

/**
 * Enforces {@link ObjectLimits} while one body is deserialised, then hands each class to the next filter (the
 * trusted-class filter, or the process-wide {@code jdk.serialFilter}, or none). Remembers the first limit exceeded,
 * so the failure can name it. One instance per deserialisation; not thread-safe.
 */
final class GraphLimitsFilter implements ObjectInputFilter {
    private final ObjectLimits limits;
    private final long arrayLimit;
    private final ObjectInputFilter next;
    private String exceeded;

    /** @param next the filter that decides on classes, or null to allow every class within the limits */
    GraphLimitsFilter(ObjectLimits limits, int bodyLength, ObjectInputFilter next) {
        this.limits = limits;
        this.arrayLimit = limits.arrayLimit(bodyLength);
        this.next = next;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (limits.maxDepth() > 0 && info.depth() > limits.maxDepth()) {
            return reject("its objects are nested more than " + limits.maxDepth() + " levels deep (maxdepth)",
                    "maxdepth=" + 2 * limits.maxDepth());
        }
        if (limits.maxRefs() > 0 && info.references() > limits.maxRefs()) {
            return reject("it holds more than " + limits.maxRefs() + " objects (maxrefs)",
                    "maxrefs=" + 2 * limits.maxRefs());
        }
        if (limits.maxBytes() > 0 && info.streamBytes() > limits.maxBytes()) {
            return reject("it is longer than " + limits.maxBytes() + " bytes (maxbytes)",
                    "maxbytes=" + 2 * limits.maxBytes());
        }
        if (info.arrayLength() > arrayLimit) {
            if (limits.maxArray() > 0 && info.arrayLength() > limits.maxArray()) {
                return reject("it declares an array of " + info.arrayLength() + " elements, more than "
                        + limits.maxArray() + " (maxarray)", "maxarray=" + info.arrayLength());
            }
            if (exceeded == null) {
                exceeded = "it declares an array of " + info.arrayLength() + " elements, more than its "
                        + (arrayLimit - ObjectLimits.ARRAY_SLACK) + " bytes could hold: the body is malformed";
            }
            return Status.REJECTED;
        }
        return next == null ? Status.UNDECIDED : next.checkInput(info);
    }

    private Status reject(String why, String raised) {
        if (exceeded == null) {
            exceeded = why + "; if the sender is trusted and such objects are expected, raise the limit with the "
                    + ObjectLimits.OPTION + " option of the connection factory (e.g. " + ObjectLimits.OPTION + "="
                    + raised + ")";
        }
        return Status.REJECTED;
    }

    /** What limit was exceeded and how to raise it, or null. */
    String exceeded() {
        return exceeded;
    }
}
