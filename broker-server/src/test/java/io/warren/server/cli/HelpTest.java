package io.warren.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HelpTest {

    @Test
    void helpListsEveryCommandWithEveryOptionAndTheGlobalOptions() {
        CtlRun run = CtlRun.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        for (CommandSpec command : CommandCatalog.COMMANDS) {
            assertThat(run.out().lines()).anyMatch(line -> line.equals("  " + command.name())
                    || line.startsWith("  " + command.name() + " "));
            command.options().forEach(option -> assertThat(run.out()).contains("      --" + option.name()));
        }
        GlobalOptions.SPECS.forEach(option -> assertThat(run.out()).contains("      --" + option.name()));
        assertThat(run.out()).contains("Exit status: 0 done, 1 the server refused");
    }

    @Test
    void helpCommandAndDashHAreTheSameAsDashDashHelp() {
        String help = CtlRun.run("--help").out();

        assertThat(CtlRun.run("help").out()).isEqualTo(help);
        assertThat(CtlRun.run("-h").out()).isEqualTo(help);
    }

    @Test
    void helpOfOneCommandShowsThatCommandOnly() {
        CtlRun run = CtlRun.run("help", "declare", "queue");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("  declare queue NAME [--durable=true|false]").doesNotContain("  list queues [--all-vhosts]");
        assertThat(CtlRun.run("declare", "queue", "--help").out()).isEqualTo(run.out());
    }

    @Test
    void helpOfAVerbShowsEachOfItsCommands() {
        CtlRun run = CtlRun.run("delete", "--help");

        assertThat(run.out()).contains("  delete queue NAME", "  delete exchange NAME").doesNotContain("purge queue");
    }

    @Test
    void helpOfAnUnknownCommandIsAUsageError() {
        assertThat(CtlRun.run("help", "frobnicate").exitCode()).isEqualTo(2);
    }

    @Test
    void helpLinesFitIntoOneHundredAndTenColumns() {
        assertThat(CtlRun.run("--help").out().lines()).allSatisfy(line -> assertThat(line.length())
                .as(line).isLessThanOrEqualTo(110));
    }

    @Test
    void versionPrintsTheNameAndVersionAndContactsNoServer() {
        CtlRun run = CtlRun.run(Map.of("WARREN_URL", "http://127.0.0.1:1"), "", "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("warren-ctl ");
    }

    @Test
    void noOptionIsABooleanInOneCommandAndTakesAValueInAnother() {
        Set<String> booleans = CommandCatalog.booleanOptions();
        Set<String> valued = CommandCatalog.COMMANDS.stream().flatMap(command -> command.options().stream())
                .filter(option -> !option.bool()).map(OptionSpec::name).collect(Collectors.toSet());
        GlobalOptions.SPECS.stream().filter(option -> !option.bool()).forEach(option -> valued.add(option.name()));

        assertThat(booleans).doesNotContainAnyElementsOf(valued);
    }
}
