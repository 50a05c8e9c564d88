package io.warren.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;

/** Starts {@link GreetingApp} as an application would, with properties; the caller closes it. */
final class TestApplications {
    static final Duration WAIT = Duration.ofSeconds(10);

    private TestApplications() {
    }

    static ConfigurableApplicationContext run(String... properties) {
        return new SpringApplicationBuilder(GreetingApp.class).web(WebApplicationType.NONE)
                .properties(properties).run();
    }

    /** Sends {@code text} with the context's JmsTemplate and waits for its @JmsListener to get it. */
    static void assertRoundTrip(ConfigurableApplicationContext context, String text) throws InterruptedException {
        context.getBean(JmsTemplate.class).convertAndSend(GreetingApp.QUEUE, text);
        String got = context.getBean(GreetingApp.Inbox.class).received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(got).isEqualTo(text);
    }
}
