package org.cityvitals.launcher.backfill;

import org.cityvitals.dashboard.backfill.BackfillRunner;
import org.cityvitals.dashboard.backfill.BackfillStatus;
import org.cityvitals.dashboard.backfill.BackfillStatus.State;
import org.cityvitals.indicators.cli.Cli;
import picocli.CommandLine;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Backfills that admins start over HTTP, run by the same {@code cityvitals replay} a console runs (publish, then the
 * bounded backfill job, with its progress display and summary), one at a time in this process. The platform's Kafka
 * and ClickHouse are this runner's, so the request may not name others; the file must lie under the platform's data
 * directory, so an admin's request cannot read arbitrary files of the server.
 */
public final class HttpBackfills implements BackfillRunner, AutoCloseable {

    /** Flags that are the platform's, not the requester's. */
    private static final Set<String> RESERVED = Set.of("--kafka", "--clickhouse", "--database", "--no-wait",
            "--state", "--help", "-h", "--version", "-V");

    private final List<String> platform;
    private final Path dataRoot;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cityvitals-http-backfills");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Run> runs = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicInteger sequence = new AtomicInteger();

    public HttpBackfills(String kafka, String clickHouseUrl, String database, Path dataRoot) {
        this.platform = List.of("--kafka", kafka, "--clickhouse", clickHouseUrl, "--database", database);
        this.dataRoot = dataRoot.toAbsolutePath().normalize();
    }

    @Override
    public BackfillStatus start(List<String> replayArguments, String requestedBy) {
        List<String> args = checked(replayArguments);
        Run run = new Run("backfill-" + sequence.incrementAndGet(), requestedBy, replayArguments);
        runs.put(run.id, run);
        worker.execute(() -> run.execute(args));
        return run.status();
    }

    private List<String> checked(List<String> replayArguments) {
        for (String arg : replayArguments) {
            if (RESERVED.contains(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg)) {
                throw new IllegalArgumentException(arg + " is the platform's to set, not the request's");
            }
        }
        List<String> args = new ArrayList<>(replayArguments);
        args.addAll(platform);
        CommandLine.ParseResult parsed;
        try {
            parsed = Cli.of(new ReplayIntoPlatformCommand()).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        Path file = parsed.matchedOptionValue("--file", (Path) null);
        if (file == null || !file.toAbsolutePath().normalize().startsWith(dataRoot)) {
            throw new IllegalArgumentException("--file must name a file under the platform's data directory "
                    + dataRoot + ", was " + file);
        }
        return args;
    }

    @Override
    public Optional<BackfillStatus> status(String id) {
        return Optional.ofNullable(runs.get(id)).map(Run::status);
    }

    @Override
    public List<BackfillStatus> all() {
        List<BackfillStatus> all;
        synchronized (runs) {
            all = new ArrayList<>(runs.values().stream().map(Run::status).toList());
        }
        Collections.reverse(all);
        return all;
    }

    /** Stops the backfill that runs (its bounded job ends with this process) and drops the queued ones. */
    @Override
    public void close() {
        worker.shutdownNow();
    }

    /** One queued backfill and what it has printed so far. */
    private static final class Run {
        final String id;
        final String requestedBy;
        final List<String> arguments;
        final Instant queuedAt = Instant.now();
        final OutputLines output = new OutputLines();
        volatile State state = State.QUEUED;
        volatile Instant startedAt;
        volatile Instant finishedAt;

        Run(String id, String requestedBy, List<String> arguments) {
            this.id = id;
            this.requestedBy = requestedBy;
            this.arguments = List.copyOf(arguments);
        }

        void execute(List<String> args) {
            startedAt = Instant.now();
            state = State.RUNNING;
            PrintWriter console = new PrintWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), true);
            int code;
            try {
                code = Cli.run(new ReplayIntoPlatformCommand(), args.toArray(String[]::new), console, console);
            } catch (RuntimeException e) {
                console.println("the backfill failed: " + e);
                code = 1;
            }
            console.flush();
            finishedAt = Instant.now();
            state = code == 0 ? State.SUCCEEDED : State.FAILED;
        }

        BackfillStatus status() {
            return new BackfillStatus(id, state, requestedBy, arguments, queuedAt, startedAt, finishedAt,
                    output.progress(), output.lines());
        }
    }
}
