package org.cityvitals.ingest.replay;

import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.cli.KafkaOption;
import org.cityvitals.ingest.source.Datasets;
import org.cityvitals.ingest.source.SourceAdapter;
import org.cityvitals.ingest.source.TimeSeriesAdapter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code cityvitals replay}: publishes a data set's file into the replay topics in event-time order and prints what
 * the backfill needs (replay id, city, event-time range, offsets). Exit code 0 when Kafka acknowledged everything,
 * 1 when it did not or the file could not be read, 2 for usage errors.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Publish a data set's history into Kafka (topics cv.replay.readings / cv.replay.incidents) "
                + "in event-time order, rejected rows to cv.deadletters.",
                "Data sets: ${COMPLETION-CANDIDATES}"})
public final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--dataset", required = true, paramLabel = "NAME", completionCandidates = DatasetNames.class,
            description = "the data set: one of ${COMPLETION-CANDIDATES}")
    private String dataset;

    @Option(names = "--file", required = true, paramLabel = "PATH",
            description = "the data set's CSV file (any size: it is streamed)")
    private Path file;

    @ArgGroup(exclusive = true)
    private Pace pace = new Pace();

    @Mixin
    private KafkaOption kafka;

    @Option(names = "--metadata", paramLabel = "PATH",
            description = "aarhus-traffic only: segment metadata CSV (default: aarhus_traffic_metadata.csv next to "
                    + "--file)")
    private Path metadata;

    @Option(names = "--reorder-window", paramLabel = "DURATION", defaultValue = "1h",
            description = "how far (event time) rows may be out of order (default: ${DEFAULT-VALUE})")
    private Duration reorderWindow;

    @Option(names = "--replay-id", paramLabel = "ID",
            description = "the id every record carries in its cv-replay header (default: DATASET-TIME-RANDOM)")
    private String replayId;

    @ArgGroup(exclusive = false, heading = "%nOnly with --dataset timeseries (bring your own series):%n")
    private TimeSeriesOptions timeSeries;

    @Spec
    private CommandSpec spec;

    static final class Pace {
        @Option(names = "--speed", paramLabel = "N", defaultValue = "1",
                description = "event time runs N times faster than the wall clock (default: ${DEFAULT-VALUE}, real "
                        + "time)")
        double speed = 1;

        @Option(names = "--max", description = "publish as fast as Kafka takes it")
        boolean max;
    }

    static final class TimeSeriesOptions {
        @Option(names = "--time-column", required = true, paramLabel = "NAME", description = "column of the time")
        String timeColumn;

        @Option(names = "--time-format", required = true, paramLabel = "PATTERN",
                description = "its pattern, e.g. 'yyyy-MM-dd HH:mm:ss' (java.time); with an offset (XXX) it "
                        + "ignores --zone")
        String timePattern;

        @Option(names = "--zone", paramLabel = "ZONE",
                description = "time zone of local clock times, e.g. America/New_York (default: the city's)")
        String zone;

        @Option(names = "--district", required = true, paramLabel = "CODE",
                description = "district code of every series, e.g. 36061 (which decides the city)")
        String district;

        @ArgGroup(exclusive = false, multiplicity = "1..*")
        List<SeriesOptions> series;
    }

    static final class SeriesOptions {
        @Option(names = "--value-column", required = true, paramLabel = "NAME", description = "a column of values")
        String column;

        @Option(names = "--metric", required = true, paramLabel = "METRIC",
                description = "its catalogue metric, e.g. pm25 or generic")
        String metric;

        @Option(names = "--sensor", required = true, paramLabel = "ID", description = "its sensor id")
        String sensor;
    }

    /** The data set names for help and completion. */
    static final class DatasetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Datasets.names().iterator();
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ReplayRequest request = request();
        try {
            ReplayResult result = Replay.publish(request, kafka(), new ProgressLine(out));
            result.print(out);
            return result.succeeded() ? 0 : 1;
        } catch (IOException e) {
            out.println("replay: cannot read " + file + ": " + e.getMessage());
            return 1;
        } catch (IllegalStateException e) {
            out.println("replay: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The replay the flags describe; also what the launcher's {@code replay} (publish, then backfill) reads when it
     * takes these flags as a mixin.
     */
    public ReplayRequest request() {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("--file " + file + ": no such readable file");
        }
        ReplayRequest request = ReplayRequest.of(adapter(), file).withSpeed(pace.max
                ? ReplayRequest.AS_FAST_AS_POSSIBLE : pace.speed).withReorderWindow(reorderWindow);
        return replayId == null ? request : request.withId(replayId);
    }

    /** The Kafka bootstrap servers of {@code --kafka}. */
    public String kafka() {
        return kafka.bootstrapServers();
    }

    private SourceAdapter adapter() {
        if (!dataset.equals(TimeSeriesAdapter.NAME)) {
            if (timeSeries != null) {
                throw new IllegalArgumentException("--time-column, --value-column and the other series options "
                        + "are for --dataset timeseries only");
            }
            return Datasets.adapterFor(dataset, metadata != null ? metadata
                    : file.toAbsolutePath().resolveSibling("aarhus_traffic_metadata.csv"));
        }
        if (timeSeries == null) {
            throw new IllegalArgumentException("--dataset timeseries needs --time-column, --time-format, --district "
                    + "and at least one --value-column with its --metric and --sensor");
        }
        return new TimeSeriesAdapter(new TimeSeriesAdapter.Spec(timeSeries.timeColumn, timeSeries.timePattern,
                zone(), timeSeries.district, timeSeries.series.stream()
                .map(s -> new TimeSeriesAdapter.Series(s.column, s.metric, s.sensor)).toList()));
    }

    private ZoneId zone() {
        if (timeSeries.zone == null) {
            return CityProfiles.ofArea(timeSeries.district).zone();
        }
        try {
            return ZoneId.of(timeSeries.zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--zone " + timeSeries.zone + " is no time zone: use a region such as "
                    + "America/New_York or Asia/Shanghai");
        }
    }
}
