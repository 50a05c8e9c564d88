package io.warren.server.cli;

/**
 * What a command does once its command line has been checked against its {@link CommandSpec}. Runs on the
 * calling thread; throws {@link UsageException}, {@link ServerErrorException} or {@link ConnectFailedException}
 * for {@link WarrenCtl} to report.
 */
@FunctionalInterface
interface Action {
    void run(Invocation invocation);
}
