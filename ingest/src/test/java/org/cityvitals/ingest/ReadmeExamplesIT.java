package org.cityvitals.ingest;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.cli.Cli;
import org.cityvitals.ingest.gateway.IngestGatewayVerticle;
import org.cityvitals.ingest.replay.ReplayCommand;
import org.cityvitals.ingest.sim.SimulateCommand;
import org.cityvitals.ingest.sim.Simulator;
import org.cityvitals.ingest.sim.SimulatorConfig;
import org.cityvitals.stack.testing.SharedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example of ingest/README.md, run as written: each {@code $ ./cityvitals …} line through its command (from
 * the repository root, as the script runs it; only the default Kafka address is the test broker's), its output
 * compared line by line with the lines under it, and the gateway's shell block run by bash with curl against a real
 * gateway, its output compared with the {@code # →} lines. In expected lines {@code …} stands for text that changes
 * from run to run (durations, ids, offsets).
 */
@ExtendWith(VertxExtension.class)
class ReadmeExamplesIT {
    private static final Path README = Path.of("README.md");
    private static final Path ROOT = Path.of("..");

    private record Example(List<String> args, List<String> expected) {
    }

    @Test
    void everyCommandExampleRunsAsWrittenAndPrintsWhatTheReadmeShows() throws IOException {
        // one partition, like the module's other tests: ReplayIT checks publishing order across keys
        String kafka = SharedStack.get().kafka(1, Topics.READINGS, Topics.INCIDENTS, Topics.REPLAY_READINGS,
                Topics.REPLAY_INCIDENTS, Topics.DEAD_LETTERS);
        List<Example> examples = commandExamples(Files.readAllLines(README, StandardCharsets.UTF_8));
        assertThat(examples).extracting(e -> e.args().get(0)).contains("replay", "simulate");
        for (Example example : examples) {
            Object command = switch (example.args().get(0)) {
                case "replay" -> new ReplayCommand();
                case "simulate" -> new SimulateCommand();
                default -> throw new AssertionError("no command for README example " + example.args());
            };
            CommandLine line = Cli.of(command);
            line.setDefaultValueProvider(option -> option.isOption()
                    && ((CommandLine.Model.OptionSpec) option).longestName().equals("--kafka") ? kafka : null);
            StringWriter out = new StringWriter();
            line.setOut(new PrintWriter(out));
            line.setErr(new PrintWriter(out));
            int exit = line.execute(fromRoot(example.args().subList(1, example.args().size())));
            assertThat(exit).as(example.args() + "\n" + out).isZero();
            assertPrintedInOrder(out.toString(), example.expected(), example.args().toString());
        }
    }

    @Test
    void gatewayExamplesRunWithCurlAsWritten(Vertx vertx, VertxTestContext ctx) throws IOException {
        String kafka = SharedStack.get().kafka(1, Topics.READINGS, Topics.INCIDENTS, Topics.DEAD_LETTERS);
        List<String> script = shellBlockWith(Files.readAllLines(README, StandardCharsets.UTF_8), "GW=");
        List<String> expected = script.stream().filter(l -> l.startsWith("# → "))
                .map(l -> l.substring(4).replaceAll(" {2,}\\(.*\\)$", "")).toList();
        Simulator simulator = Simulator.start(SimulatorConfig.realTime(1, 50), kafka);
        IngestGatewayVerticle gateway = new IngestGatewayVerticle(new JsonObject().put("port", 0)
                .put("bootstrapServers", kafka).put("apiKeys", new JsonArray().add("demo-key")), simulator);
        vertx.deployVerticle(gateway).compose(id -> vertx.executeBlocking(() -> {
            Path dir = Files.createTempDirectory("readme-gateway");
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", String.join("\n", script))
                    .directory(dir.toFile()).redirectErrorStream(true);
            builder.environment().put("GW", "http://127.0.0.1:" + gateway.actualPort());
            Process bash = builder.start();
            bash.getOutputStream().close();
            return new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        })).onComplete(ctx.succeeding(printed -> ctx.verify(() -> {
            simulator.close();
            assertPrintedInOrder(printed, expected, "the gateway's shell block");
            ctx.completeNow();
        })));
    }

    /** {@code $ ./cityvitals …} lines in fenced blocks, each with the output lines under it. */
    private static List<Example> commandExamples(List<String> readme) {
        List<Example> examples = new ArrayList<>();
        boolean inBlock = false;
        Example current = null;
        for (String line : readme) {
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                current = null;
            } else if (inBlock && line.startsWith("$ ./cityvitals ")) {
                current = new Example(words(line.substring("$ ./cityvitals ".length())), new ArrayList<>());
                examples.add(current);
            } else if (inBlock && current != null) {
                current.expected().add(line);
            }
        }
        return examples;
    }

    /** The lines of the first fenced shell block that contains {@code marker}. */
    private static List<String> shellBlockWith(List<String> readme, String marker) {
        List<String> block = new ArrayList<>();
        boolean inBlock = false;
        for (String line : readme) {
            if (line.startsWith("```sh")) {
                inBlock = true;
                block.clear();
            } else if (inBlock && line.startsWith("```")) {
                if (block.stream().anyMatch(l -> l.contains(marker))) return block;
                inBlock = false;
            } else if (inBlock) {
                block.add(line);
            }
        }
        throw new AssertionError("README has no shell block with " + marker);
    }

    /** Splits a command line into words, honouring single quotes as the shell does. */
    private static List<String> words(String commandLine) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (char c : commandLine.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                inWord = true;
            } else if (c == ' ' && !quoted) {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) words.add(word.toString());
        return words;
    }

    /** The script runs from the repository root: a relative path that exists there is resolved against it. */
    private static String[] fromRoot(List<String> args) {
        return args.stream().map(a -> !a.startsWith("-") && Files.exists(ROOT.resolve(a))
                ? ROOT.resolve(a).toString() : a).toArray(String[]::new);
    }

    /** Each expected line matches one printed line, in order ({@code …} matches anything). */
    private static void assertPrintedInOrder(String printed, List<String> expected, String what) {
        List<String> lines = Arrays.stream(printed.split("[\r\n]+")).map(String::strip).toList();
        int at = 0;
        for (String line : expected) {
            Pattern pattern = Pattern.compile(Arrays.stream(line.strip().split("…", -1)).map(Pattern::quote)
                    .reduce((a, b) -> a + ".*" + b).orElseThrow());
            while (at < lines.size() && !pattern.matcher(lines.get(at)).matches()) at++;
            assertThat(at).as("%s: no line '%s' (in order) in:%n%s", what, line.strip(), printed)
                    .isLessThan(lines.size());
            at++;
        }
    }
}
