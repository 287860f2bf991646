package org.cityvitals.launcher;

import org.cityvitals.indicators.catalogue.CatalogueTool;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.ingest.replay.Replay;
import org.cityvitals.ingest.sim.ScenarioCli;
import org.cityvitals.ingest.sim.SimulatorCli;
import org.cityvitals.store.StoreCli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The Java side of {@code ./cityvitals}: one sub-command per concern, each returning an exit code. */
public final class Main {

    static final String USAGE = String.join("\n",
            "usage: ./cityvitals COMMAND [flags]",
            "  demo [flags]                 run the whole stack on this machine (./cityvitals demo --help)",
            "  test [mvn flags]             install what the tests need and run them all (mvn -B verify)",
            "  status                       is a demo running, and where",
            "  stop                         stop a running demo and every process it started",
            "  catalogue check [FILE]       validate an indicator catalogue (the shipped one by default)",
            "  catalogue docs               regenerate docs/INDICATORS.md from the shipped catalogue",
            "  replay --dataset NAME --file PATH [--speed N | --max] [--kafka HOST:PORT]",
            "                               publish a public data set into Kafka in event-time order",
            "                               (samples in data/samples; see ingest/README.md)",
            "  simulate [flags]             run the Shanghai simulator against any Kafka (simulate --help)",
            "  scenario --scenario NAME --districts CODES --minutes M --key KEY [--gateway URL]",
            "                               inject a scenario into a running demo",
            "  db migrate|retention|dimensions [--clickhouse JDBC-URL] [--database NAME]",
            "                               apply the schema, drop expired partitions, reload dimensions",
            "  help                         this text");

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        String command = args.isEmpty() ? "help" : args.get(0);
        List<String> rest = args.subList(Math.min(1, args.size()), args.size());
        try {
            return switch (command) {
                case "demo" -> Demo.run(rest, out, err);
                case "status" -> status(rest, out);
                case "stop" -> stop(rest, out);
                case "catalogue" -> catalogue(rest, out, err);
                case "replay" -> Replay.run(rest.toArray(String[]::new), out);
                case "simulate" -> SimulatorCli.run(rest.toArray(String[]::new), out);
                case "scenario" -> ScenarioCli.run(rest.toArray(String[]::new), out);
                case "db" -> StoreCli.run(rest.toArray(String[]::new), out);
                case "help", "-h", "--help" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> {
                    err.println("unknown command '" + command + "'\n" + USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private static int status(List<String> args, PrintStream out) {
        DemoState state = new DemoState(DemoOptions.parse(args).stateDir());
        if (state.runningDemo().isEmpty()) {
            out.println("no demo is running on " + state.dir());
            return 1;
        }
        out.println(state.summary().orElse("a demo is running (pid " + state.runningDemo().get().pid() + ")"));
        return 0;
    }

    private static int stop(List<String> args, PrintStream out) {
        DemoState state = new DemoState(DemoOptions.parse(args).stateDir());
        List<String> stopped = state.stopAll();
        out.println(stopped.isEmpty() ? "nothing to stop" : "stopped " + String.join(", ", stopped));
        return 0;
    }

    private static int catalogue(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty() && args.get(0).equals("check") && args.size() <= 2) {
            return CatalogueTool.check(args.size() == 2 ? Path.of(args.get(1)) : null, out);
        }
        if (args.size() == 1 && args.get(0).equals("docs")) {
            Path docs = Path.of("docs", "INDICATORS.md");
            try {
                Files.createDirectories(docs.getParent());
                Files.writeString(docs, CatalogueTool.renderDocs(IndicatorCatalogue.loadDefault()));
            } catch (IOException e) {
                err.println("cannot write " + docs.toAbsolutePath() + ": " + e.getMessage());
                return 1;
            }
            out.println("wrote " + docs);
            return 0;
        }
        throw new IllegalArgumentException("usage: ./cityvitals catalogue check [FILE] | catalogue docs");
    }
}
