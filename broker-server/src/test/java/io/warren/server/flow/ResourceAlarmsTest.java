package io.warren.server.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.BlockedListener;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.warren.broker.BrokerConfig;
import io.warren.broker.flow.MemoryGuard;
import io.warren.server.ServerFixture;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceAlarmsTest {

    @Test
    void theDiskAlarmStopsPublishingBelowTheLimitAndClearsWhenSpaceReturns() {
        AtomicLong free = new AtomicLong(100);
        MemoryGuard memory = new MemoryGuard("b", 1 << 20, 0);
        ResourceAlarms alarms = new ResourceAlarms(memory, free::get, 50);
        AtomicInteger cleared = new AtomicInteger();
        alarms.addListener(cleared::incrementAndGet);

        alarms.checkDisk();
        assertThat(alarms.publishingAllowed()).isTrue();

        free.set(10);
        alarms.checkDisk();
        assertThat(alarms.publishingAllowed()).isFalse();
        assertThat(alarms.reason()).isEqualTo("low on disk");
        assertThat(cleared.get()).isZero();

        free.set(60);
        alarms.checkDisk();
        assertThat(alarms.publishingAllowed()).isTrue();
        assertThat(cleared.get()).isEqualTo(1);
    }

    @Test
    void theMemoryAlarmClearsThroughTheSameListeners() {
        MemoryGuard memory = new MemoryGuard("b", 100, 0);
        ResourceAlarms alarms = new ResourceAlarms(memory, (java.util.function.LongSupplier) null, 0);
        AtomicInteger cleared = new AtomicInteger();
        alarms.addListener(cleared::incrementAndGet);
        memory.add(150);
        assertThat(alarms.publishingAllowed()).isFalse();
        assertThat(alarms.reason()).isEqualTo("low on memory");
        memory.release(100);
        assertThat(alarms.publishingAllowed()).isTrue();
        assertThat(cleared.get()).isEqualTo(1);
        alarms.close();
        memory.add(100);
        memory.release(100);
        assertThat(cleared.get()).isEqualTo(1);
    }

    @Test
    void aPublisherIsBlockedWithReasonLowOnDiskWhenTheDataDirectoryIsShortOfSpace(@TempDir Path dir) throws Exception {
        BrokerConfig config = BrokerConfig.builder("disk-alarm").dataDirectory(dir).build();
        try (ServerFixture f = ServerFixture.start(config, s -> s.withDiskFreeLimit(Long.MAX_VALUE / 2))) {
            Connection c = f.connect();
            AtomicReference<String> reason = new AtomicReference<>();
            CountDownLatch blocked = new CountDownLatch(1);
            c.addBlockedListener(new BlockedListener() {
                @Override
                public void handleBlocked(String why) {
                    reason.set(why);
                    blocked.countDown();
                }

                @Override
                public void handleUnblocked() {
                }
            });
            Channel ch = c.createChannel();
            ch.queueDeclare("q", true, false, false, null);
            ch.basicPublish("", "q", null, new byte[] {1});

            assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(reason.get()).isEqualTo("low on disk");
            assertThat(f.broker.defaultVirtualHost().queueDeclarePassive("-", "q").messageCount()).isZero();
        }
    }
}
