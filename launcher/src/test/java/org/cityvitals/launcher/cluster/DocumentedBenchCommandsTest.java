package org.cityvitals.launcher.cluster;

import org.cityvitals.indicators.cli.Cli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every {@code ./cityvitals bench …} command docs/BENCHMARKS.md quotes is accepted, exactly as written, by the bench
 * command: its options are known and each benchmark it names exists. Running them is the benchmark itself (minutes
 * each, under the build lock), which a test must not be; their figures are in the document.
 */
class DocumentedBenchCommandsTest {

    private static final Path DOC = Path.of("..", "docs", "BENCHMARKS.md");
    private static final Pattern BENCH_COMMAND = Pattern.compile(
            "`(?:flock /tmp/cityvitals-mvn\\.lock )?\\./cityvitals bench([^`]*)`");

    @Test
    void everyQuotedBenchCommandNamesBenchmarksThatExist() throws IOException {
        List<String> commands = new ArrayList<>();
        Matcher m = BENCH_COMMAND.matcher(Files.readString(DOC));
        while (m.find()) {
            commands.add(m.group(1).strip());
        }
        // the one-per-row commands the goals table cites, and the synopsis
        assertThat(commands).hasSizeGreaterThanOrEqualTo(9);
        for (String args : commands) {
            if (args.contains("[")) {
                continue; // the synopsis, `bench [NAME…] [--repeat N]`, is no command line
            }
            BenchCommand bench = parse(args.isEmpty() ? new String[0] : args.split("\\s+"));
            assertThat(Benchmarks.ALL).as(args).containsAll(bench.chosen());
        }
    }

    @Test
    void anUnknownBenchmarkIsAUsageErrorThatListsThem() {
        BenchCommand bench = parse("topology", "no-such-bench");
        assertThatThrownBy(bench::chosen).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("no benchmark named 'no-such-bench'; benchmarks: simulator, replay, store");
    }

    private static BenchCommand parse(String... args) {
        CommandLine line = Cli.of(new BenchCommand());
        line.parseArgs(Arrays.copyOf(args, args.length));
        return line.getCommand();
    }
}
