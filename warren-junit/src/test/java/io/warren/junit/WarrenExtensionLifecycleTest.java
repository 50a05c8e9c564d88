package io.warren.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.cause;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.warren.broker.Broker;
import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.transport.vm.VmBrokers;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The extension's lifecycle, seen by running sample test classes (the nested static classes below, which
 * Surefire does not run itself) on the Jupiter engine and checking their results.
 */
class WarrenExtensionLifecycleTest {
    /** Broker names and directories the samples saw, for checks after their run. */
    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    static final Duration WAIT = Duration.ofSeconds(5);

    private static EngineExecutionResults run(Class<?> sample) {
        SEEN.clear();
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute();
    }

    /** Tells broker instances apart: a restarted broker of the same name is another object. */
    static String identity(Broker broker) {
        return broker.name() + "@" + System.identityHashCode(broker);
    }

    private static void assertAllSucceeded(EngineExecutionResults results, int tests) {
        results.testEvents().assertStatistics(s -> s.started(tests).succeeded(tests).failed(0));
        results.containerEvents().assertStatistics(s -> s.failed(0));
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class StaticFieldSample {
        @RegisterExtension
        static final WarrenExtension warren = WarrenExtension.builder().build();

        @Test
        @Order(1)
        void sends() {
            SEEN.add(identity(warren.broker()));
            warren.send("kept", "from the first test");
        }

        @Test
        @Order(2)
        void findsWhatTheFirstTestSent() {
            SEEN.add(identity(warren.broker()));
            assertThat(warren.queueDepth("kept")).isEqualTo(1);
        }
    }

    @Test
    void aStaticFieldGivesTheWholeClassOneBrokerStoppedAfterTheClass() {
        assertAllSucceeded(run(StaticFieldSample.class), 2);
        assertThat(SEEN).hasSize(2).containsOnly(SEEN.get(0));
        assertThat(VmBrokers.get(StaticFieldSample.warren.name())).isNull();
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class InstanceFieldSample {
        @RegisterExtension
        final WarrenExtension warren = WarrenExtension.builder().build();

        @Test
        @Order(1)
        void sends() {
            SEEN.add(warren.name());
            warren.send("gone", "from the first test");
        }

        @Test
        @Order(2)
        void hasAFreshBroker() {
            SEEN.add(warren.name());
            assertThat(warren.broker().defaultVirtualHost().hasQueue("gone")).isFalse();
            assertThat(warren.queueDepth("gone")).isZero();
        }
    }

    @Test
    void anInstanceFieldGivesEachTestABrokerOfItsOwnStoppedAfterTheTest() {
        assertAllSucceeded(run(InstanceFieldSample.class), 2);
        assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
        assertThat(SEEN).allSatisfy(name -> assertThat(VmBrokers.get(name)).isNull());
    }

    static class PersistentSample {
        @RegisterExtension
        static final WarrenExtension warren = WarrenExtension.builder().persistent().build();

        @Test
        void keepsPersistentMessagesAcrossARestart() {
            SEEN.add(warren.dataDirectory().toString());
            assertThat(warren.dataDirectory()).isDirectory();
            warren.send("durable", "survives");

            warren.restart();

            assertThat(warren.receiveText("durable", WAIT)).isEqualTo("survives");
        }
    }

    @Test
    void aPersistentBrokerKeepsItsMessagesAcrossARestartAndItsTemporaryDirectoryIsDeletedAtTheEnd() {
        assertAllSucceeded(run(PersistentSample.class), 1);
        assertThat(SEEN).hasSize(1);
        assertThat(Path.of(SEEN.get(0))).doesNotExist();
    }

    static class BadNameSample {
        @RegisterExtension
        static final WarrenExtension warren = WarrenExtension.builder().name("orders broker").build();

        @Test
        void neverRuns() {
        }
    }

    @Test
    void aNameNoUrlCanCarryFailsTheClassSayingWhichCharactersToUse() {
        run(BadNameSample.class).containerEvents().assertThatEvents().haveExactly(1, event(
                container(BadNameSample.class), finishedWithFailure(cause(instanceOf(IllegalArgumentException.class),
                        message(m -> m.contains("WarrenExtension name 'orders broker' cannot name a broker: use"
                                + " letters, digits, '.', '_' or '-'"))))));
    }

    static class NameTakenSample {
        @RegisterExtension
        @Order(1)
        static final WarrenExtension first = WarrenExtension.builder().name("warren-junit-taken").build();
        @RegisterExtension
        @Order(2)
        static final WarrenExtension second = WarrenExtension.builder().name("warren-junit-taken").build();

        @Test
        void neverRuns() {
        }
    }

    @Test
    void aNameAnotherRunningBrokerHasFailsTheStartAndLeavesThatBrokerToItsOwner() {
        EngineExecutionResults results = run(NameTakenSample.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(NameTakenSample.class),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                        message(m -> m.startsWith("a broker named 'warren-junit-taken' is already running in this"
                                + " JVM") && m.contains("builder().name(...)")))));
        results.testEvents().assertStatistics(s -> s.started(0));
        assertThat(VmBrokers.get("warren-junit-taken")).as("stopped by the extension that started it").isNull();
    }

    static class ParameterSample {
        @RegisterExtension
        static final WarrenExtension warren = WarrenExtension.builder().queue("injected").build();

        @Test
        void receivesTheBrokersFactoriesAndEngineBroker(ConnectionFactory plain, WarrenConnectionFactory warrenCf,
                                                         Broker broker) {
            assertThat(warrenCf.getUrl()).isEqualTo(warren.url());
            assertThat(broker).isSameAs(warren.broker());
            try (JMSContext context = plain.createContext()) {
                context.createProducer().send(context.createQueue("injected"), "through the injected factory");
            }
            assertThat(warren.receiveText("injected", WAIT)).isEqualTo("through the injected factory");
        }
    }

    @Test
    void testMethodsMayAskForAConnectionFactoryOrTheBroker() {
        assertAllSucceeded(run(ParameterSample.class), 1);
    }

    static class NestedSample {
        @RegisterExtension
        static final WarrenExtension warren = WarrenExtension.builder().build();

        @Test
        void outerTest() {
            SEEN.add(identity(warren.broker()));
        }

        @Nested
        class Inner {
            @Test
            void innerTest() {
                SEEN.add(identity(warren.broker()));
            }

            @Nested
            class Innermost {
                @Test
                void innermostTest() {
                    SEEN.add(identity(warren.broker()));
                }
            }
        }
    }

    @Test
    void nestedClassesShareTheirOuterClasssBrokerWhichStopsAfterTheOuterClass() {
        assertAllSucceeded(run(NestedSample.class), 3);
        assertThat(SEEN).hasSize(3).containsOnly(SEEN.get(0));
        assertThat(VmBrokers.get(NestedSample.warren.name())).isNull();
    }

    @Test
    void stopThenStartKeepsAPersistentBrokersStateAndCloseDeletesItsTemporaryDirectory() {
        WarrenExtension warren = WarrenExtension.builder().persistent().build();
        warren.start();
        try {
            warren.send("durable", "kept while stopped");
            warren.stop();
            assertThat(warren.isRunning()).isFalse();
            assertThat(warren.dataDirectory()).isDirectory();

            warren.start();

            assertThat(warren.receiveText("durable", WAIT)).isEqualTo("kept while stopped");
        } finally {
            warren.close();
        }
        assertThat(warren.dataDirectory()).doesNotExist();
    }

    @Test
    void closeAlsoStopsABrokerAClientStartedAgainAfterAStop() {
        WarrenExtension warren = WarrenExtension.builder().build();
        warren.start();
        warren.stop();
        warren.connectionFactory().createContext().close();
        assertThat(VmBrokers.get(warren.name())).as("started again by a client").isNotNull();

        warren.close();

        assertThat(VmBrokers.get(warren.name())).isNull();
    }

    @Test
    void aDataDirectoryOfTheUsersOwnIsKeptWithItsStateForTheNextStart(@TempDir Path dir)
            throws Exception {
        Path data = dir.resolve("data");
        WarrenExtension first = WarrenExtension.builder().dataDirectory(data).build();
        first.start();
        try {
            first.send("kept", "for the next broker");
        } finally {
            first.close();
        }
        try (var files = Files.list(data)) {
            assertThat(files).as("the journal in %s", data).isNotEmpty();
        }

        WarrenExtension second = WarrenExtension.builder().dataDirectory(data).build();
        second.start();
        try {
            assertThat(second.receiveText("kept", WAIT)).isEqualTo("for the next broker");
        } finally {
            second.close();
        }
    }
}
