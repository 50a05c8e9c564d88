package io.warren.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.transport.vm.VmBrokers;
import jakarta.jms.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;

/** An application that defines its own ConnectionFactory keeps it: the starter backs off. */
@SpringBootTest(classes = {GreetingApp.class, UserConnectionFactoryTest.OwnFactory.class})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class UserConnectionFactoryTest {
    static final String BROKER = "boot-user-defined";

    @TestConfiguration(proxyBeanMethods = false)
    static class OwnFactory {
        @Bean
        ConnectionFactory myConnectionFactory() {
            return new WarrenConnectionFactory("vm://" + BROKER);
        }

        /** The application's broker goes with the context, after the listener containers have stopped. */
        @Bean
        DisposableBean stopMyBroker() {
            return () -> VmBrokers.stop(BROKER);
        }
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    JmsTemplate jmsTemplate;

    @Test
    void theApplicationsFactoryIsTheOnlyOneAndNoBrokerIsStarted() {
        assertThat(context.getBeansOfType(ConnectionFactory.class)).containsOnlyKeys("myConnectionFactory");
        assertThat(context.getBeansOfType(EmbeddedWarrenBroker.class)).isEmpty();
        assertThat(context.containsBean(WarrenAutoConfiguration.WARREN_CONNECTION_FACTORY)).isFalse();
        assertThat(HealthProbe.warren(context)).isNull();
    }

    @Test
    void bootsJmsTemplateUsesIt() {
        assertThat(jmsTemplate.getConnectionFactory()).isSameAs(connectionFactory);
        jmsTemplate.convertAndSend("user.defined", "via my own factory");

        assertThat(VmBrokers.get(BROKER).defaultVirtualHost().queueInfo("user.defined").messageCount()).isOne();
    }
}
