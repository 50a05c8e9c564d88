package io.warren.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.transport.vm.VmBrokers;
import io.warren.jms.url.ConnectionUrl;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;

/** The embedded broker lives exactly as long as its application context, and each context has its own. */
class EmbeddedBrokerLifecycleTest {
    @Test
    void closingTheContextStopsItsBroker() {
        Broker broker;
        String name;
        try (ConfigurableApplicationContext context = TestApplications.run()) {
            EmbeddedWarrenBroker embedded = context.getBean(EmbeddedWarrenBroker.class);
            broker = embedded.broker();
            name = embedded.name();
            assertThat(VmBrokers.get(name)).isSameAs(broker);
        }

        assertThat(broker.isRunning()).isFalse();
        assertThat(VmBrokers.get(name)).isNull();
    }

    @Test
    void healthIsDownOnceTheBrokerHasStopped() {
        try (ConfigurableApplicationContext context = TestApplications.run()) {
            assertThat(HealthProbe.warren(context).status()).isEqualTo("UP");

            VmBrokers.stop(context.getBean(EmbeddedWarrenBroker.class).name());

            HealthProbe.Result health = HealthProbe.warren(context);
            assertThat(health.status()).isEqualTo("DOWN");
            assertThat(health.details()).containsEntry("error", "the embedded broker is not running");
        }
    }

    @Test
    void twoContextsGetTwoBrokers() throws InterruptedException {
        try (ConfigurableApplicationContext first = TestApplications.run();
             ConfigurableApplicationContext second = TestApplications.run()) {
            EmbeddedWarrenBroker one = first.getBean(EmbeddedWarrenBroker.class);
            EmbeddedWarrenBroker two = second.getBean(EmbeddedWarrenBroker.class);

            assertThat(one.name()).isNotEqualTo(two.name());
            assertThat(one.broker()).isNotSameAs(two.broker());
            first.getBean(JmsTemplate.class).convertAndSend("private", "only in the first");
            assertThat(one.broker().defaultVirtualHost().queueInfo("private").messageCount()).isOne();
            assertThat(two.broker().defaultVirtualHost().hasQueue("private")).isFalse();
            TestApplications.assertRoundTrip(first, "to the first");
            TestApplications.assertRoundTrip(second, "to the second");
        }
    }

    @Test
    void theDefaultNameFollowsTheApplicationName() {
        try (ConfigurableApplicationContext context = TestApplications.run("spring.application.name=Order Service")) {
            assertThat(context.getBean(EmbeddedWarrenBroker.class).name()).matches("Order-Service(-\\d+)?");
        }
    }

    @Test
    void aNamedBrokerIsReachableByItsVmUrl() {
        try (ConfigurableApplicationContext context = TestApplications.run("spring.warren.embedded.name=boot-named",
                "spring.warren.prefetch=7", "spring.warren.client-id=billing",
                "spring.warren.trusted-packages=com.example.orders")) {
            WarrenConnectionFactory warren = context.getBean(WarrenConnectionFactory.class);

            assertThat(warren.getUrl()).isEqualTo("vm://boot-named");
            assertThat(warren.getPrefetch()).isEqualTo(7);
            assertThat(warren.getClientID()).isEqualTo("billing");
            assertThat(warren.getTrustedPackages()).contains("com.example.orders");
            assertThat(VmBrokers.get("boot-named")).isNotNull();
        }
        assertThat(VmBrokers.get("boot-named")).isNull();
    }

    @Test
    void pagingOptionsOfTheUrlConfigureTheEmbeddedBroker() {
        try (ConfigurableApplicationContext context = TestApplications.run("spring.warren.url=vm://boot-paging"
                + "?paging=true&pagingWatermark=0.4&queuePagingThreshold=2MiB&pagingMaxDisk=500MB&pageFileSize=1M"
                + "&pagingReadAhead=8")) {
            BrokerConfig config = context.getBean(EmbeddedWarrenBroker.class).broker().config();

            assertThat(config.paging()).isTrue();
            assertThat(config.pagingWatermark()).isEqualTo(0.4);
            assertThat(config.queuePagingThreshold()).isEqualTo(2L << 20);
            assertThat(config.pagingMaxDisk()).isEqualTo(500_000_000L);
            assertThat(config.pageFileSize()).isEqualTo(1L << 20);
            assertThat(config.pagingReadAhead()).isEqualTo(8);
        }
        assertThat(VmBrokers.get("boot-paging")).isNull();
    }

    @Test
    void aBrokerThatWasAlreadyRunningIsJoinedAndLeftRunning() {
        Broker running = VmBrokers.acquire(ConnectionUrl.parse("vm://boot-joined?jmx=false"));
        try {
            try (ConfigurableApplicationContext context = TestApplications.run("spring.warren.url=vm://boot-joined")) {
                assertThat(context.getBean(EmbeddedWarrenBroker.class).broker()).isSameAs(running);
            }
            assertThat(VmBrokers.get("boot-joined")).isSameAs(running);
            assertThat(running.isRunning()).isTrue();
        } finally {
            VmBrokers.stop("boot-joined");
        }
    }

    @Test
    void withADataDirectoryPersistentMessagesOutliveTheContext(@TempDir Path dir) {
        String[] properties = {"spring.warren.embedded.name=boot-durable",
                "spring.warren.embedded.data-directory=" + dir.resolve("journal")};
        try (ConfigurableApplicationContext context = TestApplications.run(properties)) {
            context.getBean(JmsTemplate.class).convertAndSend("kept", "survives a restart");
        }

        try (ConfigurableApplicationContext context = TestApplications.run(properties)) {
            JmsTemplate template = context.getBean(JmsTemplate.class);
            template.setReceiveTimeout(TestApplications.WAIT.toMillis());
            assertThat(context.getBean(EmbeddedWarrenBroker.class).broker().config().dataDirectory())
                    .isEqualTo(dir.resolve("journal"));
            assertThat(template.receiveAndConvert("kept")).isEqualTo("survives a restart");
        }
    }
}
