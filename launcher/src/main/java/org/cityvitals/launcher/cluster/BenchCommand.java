package org.cityvitals.launcher.cluster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cityvitals.stack.cluster.ChildProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bench [NAME…]}: runs the project's benchmarks, each several times, and prints one table of medians against
 * their goals; writes the same as JSON with a description of the machine. Benchmarks: {@link Benchmarks}.
 * On a shared machine run it under the team's build lock so builds do not disturb it (it builds what it runs
 * with Maven itself, offline).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run the benchmarks (default: all) and print a table of medians against their goals; "
                + "also written as JSON.", "Benchmarks: " + Benchmarks.NAMES})
public final class BenchCommand implements Callable<Integer> {

    /** A demo's shutdown and a ClickHouse server's take seconds each (Benchmarks waits 60 s for the demo). */
    private static final Duration CHILDREN_STOP_GRACE = Duration.ofSeconds(60);

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "benchmarks to run (default: all)")
    List<String> names = new ArrayList<>();

    @Option(names = "--repeat", defaultValue = "3", description = "runs of each benchmark (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--out", paramLabel = "FILE", description = "JSON report (default: .state/bench/bench-TIME.json)")
    Path out;

    @Mixin ClusterOptions cluster;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> chosen = chosen();
        PrintWriter term = spec.commandLine().getOut();
        // a benchmark main and what it started (ClickHouse, a demo) end with this command, also when it is stopped
        ChildProcess.stopDescendantsOnExit(CHILDREN_STOP_GRACE);
        Benchmarks benchmarks = new Benchmarks(cluster, repeat, line -> {
            term.println(line);
            term.flush();
        });
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            term.printf("[%d/%d] %s%n", i + 1, chosen.size(), chosen.get(i));
            term.flush();
            figures.addAll(benchmarks.run(chosen.get(i)));
        }
        term.println();
        table(figures).forEach(term::println);
        Path file = out != null ? out : Path.of(".state/bench/bench-" + Instant.now().toString().replace(':', '-')
                + ".json");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, json(figures).encodePrettily());
        term.println("written " + file);
        return 0;
    }

    /** The benchmarks to run, all when none is named; an unknown name is a usage error (exit 2) that lists them. */
    List<String> chosen() {
        for (String n : names) {
            if (!Benchmarks.ALL.contains(n)) {
                throw new ParameterException(spec.commandLine(), "no benchmark named '" + n + "'; benchmarks: "
                        + Benchmarks.NAMES);
            }
        }
        return names.isEmpty() ? Benchmarks.ALL : names;
    }

    static List<String> table(List<Figure> figures) {
        List<String> lines = new ArrayList<>();
        String format = "%-22s %-72s %14s %-10s %12s %-8s";
        lines.add(String.format(Locale.ROOT, format, "benchmark", "figure", "median", "unit", "goal", "verdict"));
        for (Figure f : figures) {
            String median = f.median() == null ? "n/a" // a ratio below 10 needs its second decimal
                    : String.format(Locale.ROOT, f.median() < 10 ? "%.2f" : "%,.1f", f.median());
            lines.add(String.format(Locale.ROOT, format, f.bench(), f.name(), median, f.unit(), f.goal() == null ? ""
                    : (f.higherIsBetter() ? "≥ " : "≤ ") + String.format(Locale.ROOT, "%,.0f", f.goal()),
                    f.verdict()));
            if (!f.note().isEmpty()) {
                lines.add("    " + f.note());
            }
        }
        return lines;
    }

    static JsonObject json(List<Figure> figures) {
        JsonArray results = new JsonArray();
        for (Figure f : figures) {
            results.add(new JsonObject().put("benchmark", f.bench()).put("figure", f.name()).put("unit", f.unit())
                    .put("median", f.median()).put("runs", new JsonArray(new ArrayList<>(f.runs())))
                    .put("goal", f.goal()).put("higherIsBetter", f.higherIsBetter()).put("verdict", f.verdict())
                    .put("note", f.note()));
        }
        return new JsonObject().put("machine", machine()).put("finishedAt", Instant.now().toString())
                .put("results", results);
    }

    static JsonObject machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        m.put("memoryGiB", Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024) * 10) / 10.0);
        m.put("cpu", cpuModel());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("loadAverage", os.getSystemLoadAverage());
        return new JsonObject(m);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
