package io.warren.junit;

import io.warren.broker.Broker;
import io.warren.broker.VirtualHost;
import io.warren.jms.transport.vm.VmBrokers;
import io.warren.jms.url.ConnectionUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The in-JVM broker of one {@link WarrenExtension}: started and stopped through {@link VmBrokers} under the
 * extension's name, and the temporary data directory of a persistent broker without a directory of its own,
 * created on start and deleted by {@link #deleteTemporaryDirectory()}. Not thread-safe: the extension calls it
 * under its lock.
 */
final class EmbeddedBroker {
    private final ConnectionUrl url;
    /** Where a persistent broker journals, or null for one in memory. */
    private final Path dataDirectory;
    /** True when {@link #dataDirectory} is the extension's temporary directory, deleted at the end. */
    private final boolean temporary;

    EmbeddedBroker(ConnectionUrl url, Path dataDirectory, boolean temporary) {
        this.url = url;
        this.dataDirectory = dataDirectory;
        this.temporary = temporary;
    }

    String name() {
        return url.brokerName();
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Starts the broker. With {@code checkName}, refuses a name another broker of this JVM runs under: that
     * broker is someone else's, and the extension would stop it at the end. Without, joins a broker a client
     * started again under the name.
     *
     * @throws ExtensionConfigurationException when the name is taken or the broker cannot start
     */
    void start(boolean checkName) {
        if (checkName && VmBrokers.get(name()) != null) {
            throw new ExtensionConfigurationException("a broker named '" + name() + "' is already running in this"
                    + " JVM: another WarrenExtension, or a vm://" + name() + " connection made before this extension"
                    + " started, started it. Give this extension a name of its own with"
                    + " WarrenExtension.builder().name(...), or leave the name out to get a unique one");
        }
        acquire();
    }

    /** Stops the broker under its connections and starts it again, joining one a client already restarted. */
    void restart() {
        VmBrokers.stop(name());
        acquire();
    }

    private void acquire() {
        try {
            if (temporary) {
                Files.createDirectories(dataDirectory);
            }
            VmBrokers.acquire(url);
        } catch (IOException | RuntimeException e) {
            throw new ExtensionConfigurationException("could not start broker '" + name() + "' (" + url.url()
                    + "): " + e.getMessage() + (dataDirectory == null ? ""
                    : "; check that the data directory " + dataDirectory + " can be written and that no other"
                    + " process uses it"), e);
        }
    }

    /** Stops the broker; its connections stop working. A persistent broker's state stays on disk. */
    void stop() {
        VmBrokers.stop(name());
    }

    boolean isRunning() {
        return VmBrokers.get(name()) != null;
    }

    /** The running broker. */
    Broker broker() {
        Broker b = VmBrokers.get(name());
        if (b == null) {
            throw new IllegalStateException("broker '" + name() + "' of this WarrenExtension is not running: use"
                    + " it inside a test or a @BeforeEach/@AfterEach method (with a static extension field also in"
                    + " @BeforeAll/@AfterAll), or call start() first");
        }
        return b;
    }

    /** The virtual host the extension's URL names (the default one, {@code /}, unless an option says another). */
    VirtualHost virtualHost() {
        return broker().virtualHost(url.virtualHost());
    }

    /** Deletes the temporary data directory with everything in it; nothing for a directory the user chose. */
    void deleteTemporaryDirectory() {
        if (!temporary || !Files.exists(dataDirectory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDirectory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the temporary data directory " + dataDirectory
                    + " of broker '" + name() + "'", e);
        }
    }
}
