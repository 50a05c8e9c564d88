/**
 * {@code warren-ctl}: a command-line client of the management HTTP API (the RabbitMQ management API shape),
 * for operators and scripts. {@link io.warren.server.cli.WarrenCtl} is the program; it runs alone
 * ({@code java -cp warren-server.jar io.warren.server.cli.WarrenCtl}) or through the server jar
 * ({@code java -jar warren-server.jar ctl}).
 *
 * <p>The package talks to a broker only over HTTP ({@link java.net.http.HttpClient}, JSON through Jackson) and
 * imports nothing else of Warren, so it works against any server that speaks the contract, local or remote.
 * How it is put together: {@code Arguments} is the command line as typed, {@code GlobalOptions} where to connect
 * and how to print, {@code CommandCatalog} every command as a {@code CommandSpec} whose {@code Action} runs
 * against an {@code Invocation}; {@code ManagementClient} sends the requests and turns failures into
 * {@code ServerErrorException} (exit status 1) or {@code ConnectFailedException} (exit status 3); an
 * {@code OutputFormat} prints the result as a table, JSON or TSV.
 */
package io.warren.server.cli;
