package io.warren.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The {@code spring.warren.*} properties: which broker the application's {@code ConnectionFactory} reaches, the
 * client options of its connections, and the queues, exchanges and bindings to declare at start-up.
 *
 * <p>Bound once, at start-up, by Spring Boot; the object validates itself (Boot calls {@link #validate} because it
 * is a {@link Validator}), so a wrong value stops the application with a message naming the property.
 */
@ConfigurationProperties(prefix = WarrenProperties.PREFIX)
public class WarrenProperties implements Validator {
    /** The prefix of every property here. */
    public static final String PREFIX = "spring.warren";

    /**
     * Connection URL: vm://NAME[?options] for a broker in this JVM, or
     * amqp://user:password@host:5672/vhost for a Warren server or RabbitMQ. When unset, an embedded
     * broker named after the application (spring.application.name, else warren).
     */
    private String url;

    /** Embedded (a broker in this JVM) or remote (over AMQP). Derived from the URL when unset. */
    private WarrenMode mode;

    /** Login for remote brokers; overrides the URL's. The in-JVM broker does not authenticate. */
    private String user;

    /** Password for remote brokers; overrides the URL's. */
    private String password;

    /** Client ID of every connection (only one connection may hold it at a time). */
    private String clientId;

    /** Messages a consumer may hold ahead of the application (at least 1; 256 when unset). */
    private Integer prefetch;

    /**
     * Packages whose classes ObjectMessage.getObject() may deserialise besides java.lang, java.util, java.time and
     * java.math (* trusts every sender to run code in this JVM).
     */
    private List<String> trustedPackages;

    /** The embedded broker, when no URL is given. */
    private final Embedded embedded = new Embedded();

    /** Queues to declare at start-up. */
    private List<QueueDefinition> queues = new ArrayList<>();

    /** Exchanges to declare at start-up. */
    private List<ExchangeDefinition> exchanges = new ArrayList<>();

    /** Bindings to declare at start-up, after the exchanges and queues. */
    private List<BindingDefinition> bindings = new ArrayList<>();

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public WarrenMode getMode() {
        return mode;
    }

    public void setMode(WarrenMode mode) {
        this.mode = mode;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public Integer getPrefetch() {
        return prefetch;
    }

    public void setPrefetch(Integer prefetch) {
        this.prefetch = prefetch;
    }

    public List<String> getTrustedPackages() {
        return trustedPackages;
    }

    public void setTrustedPackages(List<String> trustedPackages) {
        this.trustedPackages = trustedPackages;
    }

    public Embedded getEmbedded() {
        return embedded;
    }

    public List<QueueDefinition> getQueues() {
        return queues;
    }

    public void setQueues(List<QueueDefinition> queues) {
        this.queues = queues;
    }

    public List<ExchangeDefinition> getExchanges() {
        return exchanges;
    }

    public void setExchanges(List<ExchangeDefinition> exchanges) {
        this.exchanges = exchanges;
    }

    public List<BindingDefinition> getBindings() {
        return bindings;
    }

    public void setBindings(List<BindingDefinition> bindings) {
        this.bindings = bindings;
    }

    /** Whether any queue, exchange or binding is to be declared. */
    public boolean hasTopology() {
        return !queues.isEmpty() || !exchanges.isEmpty() || !bindings.isEmpty();
    }

    @Override
    public boolean supports(Class<?> type) {
        return WarrenProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        new WarrenPropertiesCheck((WarrenProperties) target, errors).run();
    }

    /** The broker started in this JVM when spring.warren.url is unset. */
    public static class Embedded {
        /**
         * Name of the embedded broker (vm://NAME); letters, digits, '.', '_', '-'. When unset, the
         * application's name, made unique among the brokers of this JVM (a second context gets NAME-2).
         */
        private String name;

        /** Directory of the on-disk journal for durable state; when unset the broker keeps everything in memory. */
        private String dataDirectory;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getDataDirectory() {
            return dataDirectory;
        }

        public void setDataDirectory(String dataDirectory) {
            this.dataDirectory = dataDirectory;
        }
    }

    /** A queue declared at start-up; an existing queue must have the same properties. */
    public static class QueueDefinition {
        /** Queue name. */
        private String name;

        /** Whether the queue survives a broker restart (with a data directory). */
        private boolean durable = true;

        /**
         * Queue arguments (x-max-length: 10000, x-dead-letter-exchange: dlx); integers become
         * longs, true/false booleans, 'quoted' text a string.
         */
        private Map<String, String> arguments = new LinkedHashMap<>();

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public boolean isDurable() {
            return durable;
        }

        public void setDurable(boolean durable) {
            this.durable = durable;
        }

        public Map<String, String> getArguments() {
            return arguments;
        }

        public void setArguments(Map<String, String> arguments) {
            this.arguments = arguments;
        }
    }

    /** An exchange declared at start-up; an existing exchange must have the same type. */
    public static class ExchangeDefinition {
        /** Exchange name. */
        private String name;

        /** Routing: direct, fanout, topic or headers. */
        private String type;

        /** Whether the exchange survives a broker restart (with a data directory). */
        private boolean durable = true;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public boolean isDurable() {
            return durable;
        }

        public void setDurable(boolean durable) {
            this.durable = durable;
        }
    }

    /** A binding from an exchange to a queue or to another exchange, declared at start-up. */
    public static class BindingDefinition {
        /** The source exchange. */
        private String exchange;

        /** The queue the exchange routes to (or set destination-exchange). */
        private String queue;

        /** The exchange the source exchange routes to (or set queue). */
        private String destinationExchange;

        /** Binding key: a word list with * and # on a topic exchange; ignored by fanout and headers. */
        private String routingKey = "";

        /** Binding arguments: x-match and the header values of a headers exchange, typed as queue arguments. */
        private Map<String, String> arguments = new LinkedHashMap<>();

        public String getExchange() {
            return exchange;
        }

        public void setExchange(String exchange) {
            this.exchange = exchange;
        }

        public String getQueue() {
            return queue;
        }

        public void setQueue(String queue) {
            this.queue = queue;
        }

        public String getDestinationExchange() {
            return destinationExchange;
        }

        public void setDestinationExchange(String destinationExchange) {
            this.destinationExchange = destinationExchange;
        }

        public String getRoutingKey() {
            return routingKey;
        }

        public void setRoutingKey(String routingKey) {
            this.routingKey = routingKey;
        }

        public Map<String, String> getArguments() {
            return arguments;
        }

        public void setArguments(Map<String, String> arguments) {
            this.arguments = arguments;
        }
    }
}
