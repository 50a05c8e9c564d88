package io.warren.server.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code warren-ctl}: manages a Warren broker through its management HTTP API, as {@code rabbitmqadmin} does
 * for RabbitMQ. {@code warren-ctl help} lists the commands; {@code scripts/warren-ctl} and
 * {@code java -jar warren-server.jar ctl} run it.
 *
 * <p>{@link #run} does one command on the calling thread and returns the exit status: {@link #OK};
 * {@link #SERVER_ERROR} when the server refused, with its reason on the error stream; {@link #USAGE_ERROR} for a
 * wrong command line, with what is wrong and the usage line of the command; {@link #CANNOT_CONNECT} when no HTTP
 * answer came, as one line naming the URL and the cause (the stack trace only under {@code --verbose}). Results go
 * to the output stream, everything else to the error stream; neither ever shows the password. One instance may
 * run any number of commands, one after another; they share nothing.
 */
public final class WarrenCtl {
    public static final int OK = 0;
    public static final int SERVER_ERROR = 1;
    public static final int USAGE_ERROR = 2;
    public static final int CANNOT_CONNECT = 3;

    private final Map<String, String> environment;
    private final InputStream stdin;

    /** Reads {@code WARREN_URL}, {@code WARREN_USER} and {@code WARREN_PASSWORD} from the process environment. */
    public WarrenCtl() {
        this(System.getenv(), System.in);
    }

    /**
     * @param environment where {@code WARREN_URL}, {@code WARREN_USER} and {@code WARREN_PASSWORD} are looked up
     * @param stdin       read by {@code import definitions -}
     */
    WarrenCtl(Map<String, String> environment, InputStream stdin) {
        this.environment = Map.copyOf(environment);
        this.stdin = stdin;
    }

    /** Runs one command and exits the JVM with its status. */
    public static void main(String[] args) {
        int status = new WarrenCtl().run(args, System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /**
     * Runs the command {@code args} name.
     *
     * @return the exit status: {@link #OK}, {@link #SERVER_ERROR}, {@link #USAGE_ERROR} or {@link #CANNOT_CONNECT}
     */
    public int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments = null;
        CommandSpec command = null;
        GlobalOptions global = null;
        try {
            arguments = Arguments.parse(args, CommandCatalog.booleanOptions());
            List<String> words = arguments.words();
            if (arguments.flag("version", false)) {
                out.println("warren-ctl " + version());
                return OK;
            }
            boolean helpWord = !words.isEmpty() && words.get(0).equals("help");
            if (helpWord || arguments.flag("help", false)) {
                return help(helpWord ? words.subList(1, words.size()) : words, out);
            }
            if (words.isEmpty()) {
                throw new UsageException("no command given; warren-ctl help lists the commands");
            }
            command = CommandCatalog.find(words);
            command.check(arguments);
            global = GlobalOptions.resolve(arguments, environment);
            ManagementClient client = new ManagementClient(global.url(), global.credentials(),
                    global.verbose() ? Optional.of(err) : Optional.empty());
            command.action().run(new Invocation(command, arguments, global, client, out, stdin));
            return OK;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            printUsage(command, arguments, err);
            return USAGE_ERROR;
        } catch (ServerErrorException e) {
            err.println(e.status() == 401
                    ? "error: login failed for user '" + global.credentials().user() + "' at " + global.url() + " ("
                    + e.getMessage() + ")"
                    : "error: " + e.getMessage());
            return SERVER_ERROR;
        } catch (ConnectFailedException e) {
            err.println("error: cannot connect to " + e.url() + ": " + e.reason());
            if (global.verbose()) {
                e.printStackTrace(err);
            }
            return CANNOT_CONNECT;
        }
    }

    private static int help(List<String> topic, PrintStream out) {
        List<CommandSpec> commands = CommandCatalog.startingWith(topic);
        if (commands.isEmpty()) {
            throw new UsageException("no command '" + String.join(" ", topic) + "'; warren-ctl help lists them");
        }
        out.print(HelpText.of(commands));
        return OK;
    }

    /** The usage line of the command, else of the commands that begin with the first word typed, else the tool. */
    private static void printUsage(CommandSpec command, Arguments arguments, PrintStream err) {
        List<CommandSpec> sameVerb = arguments == null || arguments.words().isEmpty() ? List.of()
                : CommandCatalog.startingWith(arguments.words().subList(0, 1));
        List<String> lines;
        if (command != null) {
            lines = List.of(command.usage());
        } else if (!sameVerb.isEmpty()) {
            lines = sameVerb.stream().map(CommandSpec::usage).toList();
        } else {
            lines = List.of(HelpText.USAGE);
        }
        String prefix = "usage: ";
        for (String line : lines) {
            err.println(prefix + line);
            prefix = "       ";
        }
    }

    /** The version in the manifest of the jar this class came from; none when it runs from a class directory. */
    private static String version() {
        String version = WarrenCtl.class.getPackage().getImplementationVersion();
        return version == null ? "(development)" : version;
    }
}
