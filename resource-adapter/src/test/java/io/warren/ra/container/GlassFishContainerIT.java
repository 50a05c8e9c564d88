package io.warren.ra.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The adapter inside a real Jakarta EE server: GlassFish Embedded (full profile) runs the built {@code .rar} with its
 * broker in the server JVM ({@code vm://container}), a connector connection pool and resource {@code jms/warrenCF},
 * an administered queue {@code jms/orders}, and the test application of {@code io.warren.ra.container.app}: a message-driven bean on queue {@code orders} in
 * container-managed transactions, and a stateless bean sending through the pooled factory in container-managed
 * transactions. The test drives and observes it over HTTP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GlassFishContainerIT {
    private static EmbeddedGlassFish server;
    private static long startedMillis;

    @BeforeAll
    static void startServerWithAdapterAndApplication() throws Exception {
        long begin = System.nanoTime();
        Path work = Path.of(System.getProperty("container.workdir", "target/container"));
        Path rar = Path.of(System.getProperty("warren.rar"));
        Path war = TestWar.build(Path.of(System.getProperty("test.classes", "target/test-classes")),
                work.resolve("ra-test.war"));
        server = EmbeddedGlassFish.start(Path.of(System.getProperty("glassfish.jar")), work, List.of(
                // Properties at each level, so that a property the server failed to set would part the sender
                // from the listener: the adapter's URL is overridden by the pool's and by the bean's.
                "create-resource-adapter-config --property ConnectionUrl=vm\\://adapter-default warren-ra",
                "deploy --name warren-ra " + rar.toAbsolutePath(),
                "create-connector-connection-pool --raname warren-ra --connectiondefinition"
                        + " jakarta.jms.ConnectionFactory --transactionsupport XATransaction"
                        + " --property ConnectionUrl=vm\\://container warren-pool",
                "create-connector-resource --poolname warren-pool jms/warrenCF",
                "create-connector-connection-pool --raname warren-ra --connectiondefinition"
                        + " jakarta.jms.ConnectionFactory --transactionsupport XATransaction"
                        + " --property ConnectionUrl=vm\\://container:ClientID=app-pool warren-id-pool",
                "create-connector-resource --poolname warren-id-pool jms/warrenIdCF",
                "create-admin-object --raname warren-ra --restype jakarta.jms.Queue --property Name=orders jms/orders",
                "create-admin-object --raname warren-ra --restype jakarta.jms.Queue --property Name=audit jms/audit",
                "deploy --name ra-test --contextroot ra-test " + war.toAbsolutePath()));
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(server.isAlive()).as("server process alive; log:\n%s", tail()).isTrue();
            return server.get("/ra-test/ops/ping").status() == 200;
        });
        startedMillis = (System.nanoTime() - begin) / 1_000_000;
        System.out.println("GlassFish Embedded with the Warren adapter and the test application up in "
                + startedMillis + " ms");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static String tail() {
        String log = server.log();
        return log.length() > 20_000 ? log.substring(log.length() - 20_000) : log;
    }

    private static String ok(String path) {
        EmbeddedGlassFish.Response r = server.get(path);
        assertThat(r.status()).as("GET %s answered %s; server log:\n%s", path, r.body(), tail()).isEqualTo(200);
        return r.body();
    }

    private static List<String> deliveries() {
        String body = ok("/ra-test/ops/deliveries");
        return body.isEmpty() ? List.of() : Arrays.asList(body.split("\n"));
    }

    @Test
    @Order(1)
    void committedSendsArriveRolledBackSendNeverDoesAndFailedDeliveryIsRedelivered() {
        ok("/ra-test/ops/send?text=committed-1");
        ok("/ra-test/ops/send-rollback?text=rolled-back-1");
        ok("/ra-test/ops/send?text=fail-once-1");
        ok("/ra-test/ops/send-context?text=context-1");
        ok("/ra-test/ops/send?text=sentinel-1");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deliveries())
                .contains("committed-1|false|1", "context-1|false|1", "sentinel-1|false|1",
                        "fail-once-1|false|1", "fail-once-1|true|2"));

        // One session consumes in queue order, so a leaked rolled-back send would have come before the sentinel.
        assertThat(deliveries()).noneMatch(d -> d.startsWith("rolled-back-1|"));
        assertThat(deliveries()).filteredOn(d -> d.startsWith("committed-1|")).hasSize(1);
    }

    @Test
    @Order(2)
    void aBeanFindsItsQueueThroughDestinationLookup() {
        ok("/ra-test/ops/send-audit?text=a-1");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deliveries())
                .contains("audit:a-1|false|1"));
    }

    @Test
    @Order(3)
    void aSessionMadeBeforeABeanManagedTransactionBeganSendsInsideIt() {
        assertThat(ok("/ra-test/ops/send-bmt?text=bmt-1")).isEqualTo("before=false,in=true,after=false");
        ok("/ra-test/ops/send?text=sentinel-3");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deliveries())
                .contains("bmt-1|false|1", "sentinel-3|false|1"));
        assertThat(deliveries()).noneMatch(d -> d.startsWith("bmt-1-rolled-back|"));
    }

    @Test
    @Order(3)
    void connectionsOfAPoolWithAClientIdAreOpenAtOnce() {
        assertThat(ok("/ra-test/ops/client-ids")).isEqualTo("app-pool,app-pool,app-pool");
    }

    @Test
    @Order(3)
    void dupsOkIsKeptOutsideATransaction() {
        assertThat(ok("/ra-test/ops/dups-ok-mode"))
                .isEqualTo(String.valueOf(jakarta.jms.JMSContext.DUPS_OK_ACKNOWLEDGE));
    }

    @Test
    @Order(3)
    void theServerConfiguresTheAdapterFromItsResourceAdapterConfig() {
        // The pool's and the bean's URLs are checked by the messages above reaching the bean.
        assertThat(server.log()).contains("Warren resource adapter started with ConnectionSettings[url="
                + "vm://adapter-default");
    }

    @Test
    @Order(4)
    void callsTheSpecificationForbidsInTheContainerThrow() {
        String result = ok("/ra-test/ops/forbidden");
        assertThat(result).contains(
                "transacted=true",
                "commit=jakarta.jms.TransactionInProgressException",
                "setClientID=jakarta.jms.IllegalStateException",
                "setExceptionListener=jakarta.jms.IllegalStateException",
                "stop=jakarta.jms.IllegalStateException",
                "setMessageListener=jakarta.jms.IllegalStateException");
    }
}
