package io.warren.broker.management.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JmxNamesTest {

    @Test
    void namesFollowBrokerVirtualHostComponentAndObjectInThatOrder() {
        JmxNames names = new JmxNames("local");

        assertThat(names.broker().toString()).isEqualTo("io.warren:type=Broker,name=local");
        assertThat(names.virtualHost("/").toString()).isEqualTo("io.warren:type=Broker,name=local,vhost=/");
        assertThat(names.queue("/", "orders").toString())
                .isEqualTo("io.warren:type=Broker,name=local,vhost=/,component=queues,queue=orders");
        assertThat(names.exchange("/", "amq.topic").toString())
                .isEqualTo("io.warren:type=Broker,name=local,vhost=/,component=exchanges,exchange=amq.topic");
        assertThat(names.exchange("/", "").toString())
                .isEqualTo("io.warren:type=Broker,name=local,vhost=/,component=exchanges,exchange=\"amq.default\"");
        assertThat(names.connection("/", "conn-7").toString())
                .isEqualTo("io.warren:type=Broker,name=local,vhost=/,component=connections,connection=conn-7");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "orders|orders",
        "orders.eu-1|orders.eu-1",
        "a b|\"a b\"",
        "a,b|\"a,b\"",
        "a=b|\"a=b\"",
        "a:b|\"a:b\"",
        "a*|\"a\\*\"",
        "a?|\"a\\?\"",
        "say \"hi\"|\"say \\\"hi\\\"\"",
        "back\\slash|\"back\\\\slash\"",
    })
    void valuesAreQuotedOnlyWhenAnObjectNameWouldRejectThemOrReadThemWrongly(String name, String value)
            throws Exception {
        assertThat(JmxNames.value(name)).isEqualTo(value);
        ObjectName on = new JmxNames("b").queue("/", name);
        assertThat(on.isPattern()).isFalse();
        String key = on.getKeyProperty("queue");
        assertThat(key.startsWith("\"") ? ObjectName.unquote(key) : key).isEqualTo(name);
    }

    @Test
    void thePatternOfABrokerMatchesAllItsNamesAndNoneOfABrokerWithALongerName() {
        JmxNames names = new JmxNames("b");

        assertThat(names.all().apply(names.broker())).isTrue();
        assertThat(names.all().apply(names.queue("/", "q"))).isTrue();
        assertThat(names.all().apply(new JmxNames("b2").broker())).isFalse();
        assertThat(names.component("/", "queues").apply(names.queue("/", "q"))).isTrue();
        assertThat(names.component("/", "queues").apply(names.exchange("/", "q"))).isFalse();
    }
}
