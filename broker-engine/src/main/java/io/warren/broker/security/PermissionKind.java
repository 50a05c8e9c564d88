package io.warren.broker.security;

/**
 * The three rights RabbitMQ grants per vhost, each as a regular expression over resource names. Which AMQP
 * operation needs which is listed on {@link AccessControl}.
 */
public enum PermissionKind {
    /** Create and destroy resources, or change how they behave. */
    CONFIGURE,
    /** Inject messages into a resource. */
    WRITE,
    /** Take messages out of a resource. */
    READ;

    /** The lower-case word RabbitMQ uses, e.g. in {@code rabbitmqctl} output. */
    public String word() {
        return switch (this) {
            case CONFIGURE -> "configure";
            case WRITE -> "write";
            case READ -> "read";
        };
    }
}
