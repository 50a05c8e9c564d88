package io.warren.broker;

import static io.warren.broker.EngineFixture.body;
import static io.warren.broker.EngineFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A channel's flow switch as a fence: a client that switches flow off and then looks at what it was given must
 * find every delivery made before, and none may follow until flow is on again.
 */
class ChannelFlowTest {

    @Test
    void switchingFlowOffReturnsOnlyOnceAPushInProgressOnAnotherThreadReachedItsListener() throws Exception {
        try (EngineFixture f = EngineFixture.start()) {
            f.declare("q", null);
            List<String> events = new CopyOnWriteArrayList<>();
            CountDownLatch inListener = new CountDownLatch(1);
            CountDownLatch letGo = new CountDownLatch(1);
            f.channel.consume("q", ConsumeOptions.prefetch(0), d -> {
                inListener.countDown();
                try {
                    letGo.await(EngineFixture.timeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                events.add("delivered " + body(d));
            });
            Channel publishing = f.connection.createChannel();
            Thread publisher = new Thread(() -> publishing.publish("", "q", text("m1")).join(), "publisher");
            publisher.start();
            assertThat(inListener.await(EngineFixture.timeout().toMillis(), TimeUnit.MILLISECONDS)).isTrue();

            Thread switcher = new Thread(() -> {
                f.channel.setFlow(false);
                events.add("flow off");
            }, "switcher");
            switcher.start();
            // it returned already, or it waits for the queue the publisher's thread is pushing from
            await().atMost(EngineFixture.timeout()).until(() -> switcher.getState() == Thread.State.WAITING
                    || switcher.getState() == Thread.State.TERMINATED);
            letGo.countDown();
            switcher.join(EngineFixture.timeout().toMillis());
            publisher.join(EngineFixture.timeout().toMillis());

            assertThat(events).containsExactly("delivered m1", "flow off");
        }
    }

    @Test
    void nothingIsPushedWhileFlowIsOffAndWhatWaitedIsPushedWhenItComesOn() throws Exception {
        try (EngineFixture f = EngineFixture.start()) {
            f.declare("q", null);
            List<String> got = new CopyOnWriteArrayList<>();
            f.channel.consume("q", ConsumeOptions.prefetch(0), d -> got.add(body(d)));
            f.channel.setFlow(false);
            Channel publishing = f.connection.createChannel();

            // the engine pushes on the publishing thread: had it pushed, the listener would have it on return
            publishing.publish("", "q", text("m1")).join();
            assertThat(got).isEmpty();
            assertThat(f.host.queueInfo("q").messageCount()).isEqualTo(1);

            f.channel.setFlow(true);
            assertThat(got).containsExactly("m1");
        }
    }
}
