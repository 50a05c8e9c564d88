package io.warren.examples;

/**
 * Runs every example against embedded brokers: the project's "run" command. Nothing to install or start
 * beforehand.
 */
public final class Demo {
    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("== Warren demo: an embedded JMS broker with exchanges, queues and bindings ==");
        HelloQueue.main(args);
        PubSubWildcards.main(args);
        HeadersRouting.main(args);
        RequestReply.main(args);
        TransactedTransform.main(args);
        JndiExample.main(args);
        io.warren.examples.spring.SpringJmsExample.main(args);
        System.out.println("== done ==");
    }
}
