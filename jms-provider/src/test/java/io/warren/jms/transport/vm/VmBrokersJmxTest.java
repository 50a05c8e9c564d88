package io.warren.jms.transport.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.Broker;
import io.warren.jms.url.ConnectionUrl;
import java.lang.management.ManagementFactory;
import java.util.UUID;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class VmBrokersJmxTest {
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    private static String uniqueName() {
        return "vm-jmx-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ObjectName brokerMBean(String name) throws Exception {
        return new ObjectName("io.warren:type=Broker,name=" + name);
    }

    @Test
    void aVmBrokerRegistersItsMBeansByDefault() throws Exception {
        String name = uniqueName();
        try {
            Broker broker = VmBrokers.acquire(ConnectionUrl.parse("vm://" + name));

            assertThat(broker.config().jmx()).isTrue();
            assertThat(SERVER.isRegistered(brokerMBean(name))).isTrue();
            assertThat(SERVER.getAttribute(brokerMBean(name), "Name")).isEqualTo(name);
        } finally {
            VmBrokers.stop(name);
        }
        assertThat(SERVER.isRegistered(brokerMBean(name))).isFalse();
    }

    @Test
    void jmxFalseInTheUrlStartsTheBrokerWithoutMBeans() throws Exception {
        String name = uniqueName();
        try {
            Broker broker = VmBrokers.acquire(ConnectionUrl.parse("vm://" + name + "?jmx=false"));

            assertThat(broker.config().jmx()).isFalse();
            assertThat(broker.config().toString()).contains("jmx=false");
            assertThat(SERVER.queryNames(new ObjectName("io.warren:type=Broker,name=" + name + ",*"), null)).isEmpty();
        } finally {
            VmBrokers.stop(name);
        }
    }
}
