package org.cityvitals.ingest;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.cli.Cli;
import org.cityvitals.indicators.cli.Endpoints;
import org.cityvitals.ingest.gateway.IngestGatewayVerticle;
import org.cityvitals.ingest.replay.ReplayCommand;
import org.cityvitals.ingest.sim.ScenarioCommand;
import org.cityvitals.ingest.sim.SimulateCommand;
import org.cityvitals.ingest.sim.Simulator;
import org.cityvitals.ingest.sim.SimulatorConfig;
import org.cityvitals.stack.testing.SharedStack;
import org.cityvitals.stack.testing.TopicMark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example of ingest/README.md, run as written: each {@code $ ./cityvitals …} line through its command (from
 * the repository root, as the script runs it, with the variables of the {@code $ export} lines before it), the
 * {@code $ java -jar …} line as a process of its own, each one's output compared line by line with the lines under
 * it, and the gateway's shell block run by bash with curl against a real gateway, its output compared with the
 * {@code # →} lines. Only the default addresses (Kafka, the gateway) are the test's own. In expected lines {@code …}
 * stands for text that changes from run to run (durations, ids, offsets).
 */
@ExtendWith(VertxExtension.class)
class ReadmeExamplesIT {
    private static final Path README = Path.of("README.md");
    private static final Path ROOT = Path.of("..");
    private static final String DEMO_KEY = "demo-key";
    /** The gateway's default address, which the README's output shows. */
    private static final String DEFAULT_GATEWAY = "127.0.0.1:8081";
    private static final Pattern ENVIRONMENT_DEFAULT = Pattern.compile("\\$\\{env:(\\w+)}");

    /** One {@code $} line: its words, the variables exported before it in its block, the output lines under it. */
    private record Example(List<String> args, Map<String, String> environment, List<String> expected) {
    }

    @Test
    void everyCommandExampleRunsAsWrittenAndPrintsWhatTheReadmeShows(Vertx vertx, VertxTestContext ctx)
            throws IOException {
        // one partition, like the module's other tests: ReplayIT checks publishing order across keys
        String kafka = SharedStack.get().kafka(1, Topics.READINGS, Topics.INCIDENTS, Topics.REPLAY_READINGS,
                Topics.REPLAY_INCIDENTS, Topics.DEAD_LETTERS);
        List<Example> all = examples(Files.readAllLines(README, StandardCharsets.UTF_8));
        // every example is run: these commands here, the java -jar one by its own test
        assertThat(all).extracting(e -> e.args().get(0)).containsOnly("./cityvitals", "java");
        List<Example> examples = all.stream().filter(e -> e.args().get(0).equals("./cityvitals")).toList();
        assertThat(examples).extracting(e -> e.args().get(1)).contains("replay", "simulate", "scenario");
        // the demo's gateway, with a simulator for the scenario example
        Simulator simulator = Simulator.start(SimulatorConfig.realTime(1, 50), kafka);
        IngestGatewayVerticle gateway = new IngestGatewayVerticle(new JsonObject().put("port", 0)
                .put("bootstrapServers", kafka).put("apiKeys", new JsonArray().add(DEMO_KEY)), simulator);
        vertx.deployVerticle(gateway).compose(id -> vertx.executeBlocking(() -> {
            String gatewayUrl = "http://127.0.0.1:" + gateway.actualPort();
            for (Example example : examples) {
                runInProcess(example, kafka, gatewayUrl);
            }
            return null;
        })).onComplete(done -> {
            simulator.close();
            if (done.succeeded()) ctx.completeNow(); else ctx.failNow(done.cause());
        });
    }

    private static void runInProcess(Example example, String kafka, String gatewayUrl) {
        Object command = switch (example.args().get(1)) {
            case "replay" -> new ReplayCommand();
            case "simulate" -> new SimulateCommand();
            case "scenario" -> new ScenarioCommand();
            default -> throw new AssertionError("no command for README example " + example.args());
        };
        CommandLine line = Cli.of(command);
        line.setDefaultValueProvider(arg -> {
            if (!(arg instanceof CommandLine.Model.OptionSpec option)) return null;
            return switch (option.longestName()) {
                case "--kafka" -> kafka;
                case "--gateway" -> gatewayUrl;
                default -> exported(option, example.environment());
            };
        });
        StringWriter out = new StringWriter();
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(out));
        int exit = line.execute(fromRoot(example.args().subList(2, example.args().size())));
        assertThat(exit).as(example.args() + "\n" + out).isZero();
        assertPrintedInOrder(out.toString(), example.expected(), example.args().toString());
    }

    /** An option whose declared default is {@code ${env:NAME}}, as the shell gives it after {@code export NAME=…}. */
    private static String exported(CommandLine.Model.OptionSpec option, Map<String, String> environment) {
        if (!(option.userObject() instanceof Field field)) return null;
        Matcher variable = ENVIRONMENT_DEFAULT.matcher(field.getAnnotation(CommandLine.Option.class).defaultValue());
        return variable.matches() ? environment.get(variable.group(1)) : null;
    }

    @Test
    void theGatewaysOwnJarRunsAsWrittenWithTheKeysFile() throws Exception {
        String kafka = SharedStack.get().kafka(1, Topics.READINGS, Topics.INCIDENTS, Topics.DEAD_LETTERS);
        List<String> readme = Files.readAllLines(README, StandardCharsets.UTF_8);
        Example example = examples(readme).stream().filter(e -> e.args().get(0).equals("java")).findFirst()
                .orElseThrow(() -> new AssertionError("README has no java -jar example"));
        Path dir = Files.createTempDirectory("readme-gateway-jar");
        Files.write(dir.resolve("keys.json"), fencedBlockWith(readme, "```json", "field-team-7"));
        int port = freePort();
        List<String> command = new ArrayList<>(Arrays.asList(fromRoot(example.args())));
        command.addAll(List.of("--kafka", kafka, "--port", String.valueOf(port)));
        List<String> expected = example.expected().stream().map(l -> l.replace(Endpoints.KAFKA, kafka)
                .replace(DEFAULT_GATEWAY, "127.0.0.1:" + port)).toList();
        TopicMark readings = TopicMark.now(kafka, Topics.READINGS);
        Process jar = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        BlockingQueue<String> output = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(jar.getInputStream(),
                    StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException e) {
                output.add("(output unreadable: " + e + ")");
            }
        }, "gateway-jar-output");
        reader.setDaemon(true);
        reader.start();
        try {
            StringBuilder printed = new StringBuilder();
            for (String line = output.poll(60, TimeUnit.SECONDS); line != null;
                 line = line.contains("Ctrl-C") ? null : output.poll(60, TimeUnit.SECONDS)) {
                printed.append(line).append('\n');
            }
            assertPrintedInOrder(printed.toString(), expected, example.args().toString());
            String gateway = "http://127.0.0.1:" + port;
            // the field team's key: readings in its districts, nothing else
            assertThat(post(gateway + "/ingest/readings", "k7-5b1d0e3c9f", """
                    {"sensorId":"sh-310101-pm25-01","metric":"pm25","value":42.0,"unit":"µg/m³",
                     "observedAt":"2026-11-26T08:00:00Z","district":"310101","quality":"good"}""").statusCode())
                    .isEqualTo(202);
            assertThat(post(gateway + "/ingest/incidents", "k7-5b1d0e3c9f", """
                    {"id":"jar-1","source":"12345","category":"noise","district":"310101","priority":3,
                     "status":"reported","reportedAt":"2026-11-26T08:00:00Z"}""").statusCode()).isEqualTo(403);
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(gateway + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            List<ConsumerRecord<byte[], byte[]>> sent = readings.recordsUntil(1, Duration.ofSeconds(30));
            assertThat(sent).hasSize(1);
            assertThat(new String(sent.get(0).headers().lastHeader(Topics.SENDER_HEADER).value(),
                    StandardCharsets.UTF_8)).isEqualTo("field-team-7");
            jar.destroy(); // Ctrl-C's signal: the gateway closes and the JVM ends
            assertThat(jar.waitFor(30, TimeUnit.SECONDS)).as("the gateway ends on SIGTERM").isTrue();
        } finally {
            jar.destroyForcibly();
        }
    }

    private static HttpResponse<String> post(String url, String key, String json)
            throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void gatewayExamplesRunWithCurlAsWritten(Vertx vertx, VertxTestContext ctx) throws IOException {
        String kafka = SharedStack.get().kafka(1, Topics.READINGS, Topics.INCIDENTS, Topics.DEAD_LETTERS);
        List<String> script = fencedBlockWith(Files.readAllLines(README, StandardCharsets.UTF_8), "```sh", "GW=");
        List<String> expected = script.stream().filter(l -> l.startsWith("# → "))
                .map(l -> l.substring(4).replaceAll(" {2,}\\(.*\\)$", "")).toList();
        Simulator simulator = Simulator.start(SimulatorConfig.realTime(1, 50), kafka);
        IngestGatewayVerticle gateway = new IngestGatewayVerticle(new JsonObject().put("port", 0)
                .put("bootstrapServers", kafka).put("apiKeys", new JsonArray().add(DEMO_KEY)), simulator);
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

    /**
     * The {@code $} lines in fenced blocks: {@code $ export NAME=VALUE} sets a variable for the rest of its block,
     * any other is an example with the output lines under it.
     */
    private static List<Example> examples(List<String> readme) {
        List<Example> examples = new ArrayList<>();
        boolean inBlock = false;
        Map<String, String> environment = new HashMap<>();
        Example current = null;
        for (String line : readme) {
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                environment.clear();
                current = null;
            } else if (inBlock && line.startsWith("$ export ")) {
                String[] assignment = line.substring("$ export ".length()).split("=", 2);
                environment.put(assignment[0], assignment[1]);
                current = null;
            } else if (inBlock && line.startsWith("$ ")) {
                current = new Example(words(line.substring(2)), Map.copyOf(environment), new ArrayList<>());
                examples.add(current);
            } else if (inBlock && current != null) {
                current.expected().add(line);
            }
        }
        return examples;
    }

    /** The lines of the first fenced block opened by {@code fence} that contains {@code marker}. */
    private static List<String> fencedBlockWith(List<String> readme, String fence, String marker) {
        List<String> block = new ArrayList<>();
        boolean inBlock = false;
        for (String line : readme) {
            if (!inBlock && line.equals(fence)) {
                inBlock = true;
                block.clear();
            } else if (inBlock && line.startsWith("```")) {
                if (block.stream().anyMatch(l -> l.contains(marker))) return block;
                inBlock = false;
            } else if (inBlock) {
                block.add(line);
            }
        }
        throw new AssertionError("README has no " + fence + " block with " + marker);
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
                ? ROOT.resolve(a).toAbsolutePath().normalize().toString() : a).toArray(String[]::new);
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
