package io.warren.server.launcher;

import io.warren.server.config.ConfigurationLoader;
import io.warren.server.config.InvalidConfigException;
import io.warren.server.config.ServerConfiguration;
import java.io.PrintStream;
import java.util.Optional;

/**
 * What {@link WarrenServer#main} does before the broker runs: parse the arguments, print {@code --help}, start
 * the server, or report why it cannot start as one line on the error stream ({@code warren: ...}), with the
 * stack trace only under {@code --verbose}. Never exits the JVM itself, so it can be tested. Used by one
 * thread.
 */
final class ConsoleLauncher {

    /** Exit status for a configuration error or a failed start. */
    static final int FAILED = 1;

    static final String USAGE = """
            Usage: java -jar warren-server.jar [--config=FILE] [--key=value ...] [--verbose] [--help]

            Starts a Warren broker with AMQP 0-9-1 listeners, the management HTTP API and web console, and a
            Prometheus endpoint. Settings come from FILE (default ./warren.conf if it exists, else built-in
            defaults: AMQP on 0.0.0.0:5672, management and console on 0.0.0.0:15672, Prometheus /metrics on
            0.0.0.0:15692, user guest/guest from localhost only, data in ./data) and then from --key=value
            arguments, which use the keys of the file and win.

            Examples:
              java -jar warren-server.jar
              java -jar warren-server.jar --listeners.tcp.default=5673 --data_dir=/var/lib/warren
              java -jar warren-server.jar --config=/etc/warren/warren.conf --journal.sync=batched
              java -jar warren-server.jar ctl help     (the management command line, also scripts/warren-ctl)

            Common keys: listeners.tcp.default, listeners.ssl.default, ssl_options.certfile, ssl_options.keyfile,
            data_dir, journal.sync, default_user, default_pass, loopback_users.guest, users.NAME.password,
            permissions.USER.VHOST, vm_memory_high_watermark.absolute, management.tcp.port, management.tcp.ip,
            management.enabled, prometheus.tcp.port, prometheus.tcp.ip, prometheus.enabled.
            All keys: broker-server/README.md.

              --config=FILE  read settings from FILE
              --verbose      print stack traces of start-up errors
              --help         print this text

            SIGTERM or Ctrl-C closes client connections (320 CONNECTION_FORCED), then flushes and closes
            the journal.
            """;

    /** The started server, or the exit status when there is nothing to run. */
    record Outcome(Optional<WarrenServer> server, int exitCode) {
    }

    private final PrintStream out;
    private final PrintStream err;

    ConsoleLauncher(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    Outcome launch(String... args) {
        // Read before parsing, so an unparsable command line can still be reported verbosely.
        boolean verbose = containsVerbose(args);
        try {
            LaunchOptions options = LaunchOptions.parse(args);
            if (options.help()) {
                out.print(USAGE);
                return new Outcome(Optional.empty(), 0);
            }
            ServerConfiguration config = ConfigurationLoader.load(options.resolveConfigFile(), options.overrides());
            return new Outcome(Optional.of(WarrenServer.start(config)), 0);
        } catch (InvalidConfigException e) {
            return fail("configuration error: " + e.getMessage(), e, verbose);
        } catch (Exception e) {
            return fail("cannot start: " + describe(e), e, verbose);
        }
    }

    private Outcome fail(String message, Exception e, boolean verbose) {
        err.println("warren: " + message);
        if (verbose) {
            e.printStackTrace(err);
        }
        return new Outcome(Optional.empty(), FAILED);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static boolean containsVerbose(String[] args) {
        for (String arg : args) {
            if (arg.equals("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
