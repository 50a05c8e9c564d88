package io.warren.jms.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.InvalidDestinationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names in another broker's syntax either mean the same on Warren or fail naming the Warren form. */
class DestinationNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "news.>|news.#",
        ">|#",
        "stock.*.>|stock.*.#",
        "news.eu|news.eu",
        "news.#|news.#",
        "a>b|a>b",
        "exchange:amq.topic/news.>|exchange:amq.topic/news.>",
        "exchange:prices?x-match=all&pair='a,b'|exchange:prices?x-match=all&pair='a,b'",
    })
    void anActiveMqTrailingWildcardInATopicNameIsWarrensHashAndOtherNamesStayAsGiven(String name, String warren)
            throws Exception {
        assertThat(DestinationNames.topicName(name)).isEqualTo(warren);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "queue://orders|invalid queue name 'queue://orders': use 'orders': Warren queue names have no 'queue://' prefix",
        "topic://news|invalid queue name 'topic://news': 'topic://' names a topic: use createTopic(\"news\")",
        "temp-queue://x|use 'x'",
        "direct://amq.direct//orders|no scheme prefix",
        "BURL:direct://amq.direct//orders|Qpid's binding URLs are not Warren names",
        "orders::orders.eu|Artemis's ADDRESS::QUEUE names have no Warren form",
        "orders::orders.eu|use createQueue(\"orders.eu\")",
        "a,b|ActiveMQ's composite destinations (A,B) have no Warren form",
        "orders?consumer.prefetchSize=10|use 'orders' and set the prefetch on the connection URL",
        "orders.>|a queue name has no wildcards on Warren",
        "orders.*|createTopic(\"orders.*\")",
        "#|a queue name has no wildcards",
    })
    void aQueueNameInAnotherBrokersSyntaxFailsNamingTheWarrenForm(String name, String message) {
        assertThatThrownBy(() -> DestinationNames.queueName(name)).isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "topic://news.eu|invalid topic name 'topic://news.eu': use 'news.eu': Warren topic names have no 'topic://' prefix",
        "queue://orders|'queue://' names a queue: use createQueue(\"orders\")",
        "news::sub-1|to consume from queue 'sub-1' use createQueue(\"sub-1\"), to publish to 'news' use createTopic(\"news\")",
        "news.eu,news.us|ActiveMQ's composite destinations",
        "news.>.fr|ActiveMQ's '>' is only for the last word",
        "news.>.fr|use 'news.#.fr'",
        "news?retroactive=true|use 'news'",
    })
    void aTopicNameInAnotherBrokersSyntaxFailsNamingTheWarrenForm(String name, String message) {
        assertThatThrownBy(() -> DestinationNames.topicName(name)).isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining(message);
    }

    @Test
    void plainNamesPassAndEmptyOnesFail() throws Exception {
        assertThat(DestinationNames.queueName("orders.eu-1_x")).isEqualTo("orders.eu-1_x");
        assertThatThrownBy(() -> DestinationNames.queueName("")).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> DestinationNames.topicName(null)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> DestinationNames.topicName("exchange:")).isInstanceOf(
                InvalidDestinationException.class).hasMessageContaining("non-empty exchange name");
    }
}
