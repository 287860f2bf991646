package org.cityvitals.ingest.replay;

import org.cityvitals.indicators.Topics;
import org.cityvitals.ingest.source.BeijingAirQualityAdapter;
import org.cityvitals.stack.KafkaBroker;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Benchmark (a main, not a test): replay rate with {@code --max} from a local file into an in-process Kafka broker on
 * the same machine, acks=all and idempotent. Generates a file in the Beijing air-quality layout (12 stations, 8,400
 * hours, ten measured columns: 1,008,000 events, no missing values), replays it once to warm up, then five times, and
 * prints each run and the median. A run is timed from opening the file to the last acknowledgement.
 */
public final class ReplayBench {
    private static final int RUNS = 5;
    private static final int HOURS = 8_400;
    private static final List<String> STATIONS = List.of("Aotizhongxin", "Changping", "Dingling", "Dongsi",
            "Guanyuan", "Gucheng", "Huairou", "Nongzhanguan", "Shunyi", "Tiantan", "Wanliu", "Wanshouxigong");

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("replay-bench");
        Path file = dir.resolve("beijing_aq_bench.csv");
        long events = generate(file);
        System.out.printf(Locale.ROOT, "file %s: %,d rows, %,d events, %.1f MB%n", file, (long) HOURS * STATIONS.size(),
                events, Files.size(file) / 1e6);
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"))) {
            broker.createTopics(4, Topics.REPLAY_READINGS, Topics.REPLAY_INCIDENTS, Topics.DEAD_LETTERS);
            run(file, broker.bootstrapServers(), "warm-up");
            double[] rates = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                rates[i] = run(file, broker.bootstrapServers(), "run " + (i + 1));
            }
            Arrays.sort(rates);
            System.out.printf(Locale.ROOT, "replay --max: median %,.0f events/s (min %,.0f, max %,.0f)%n",
                    rates[RUNS / 2], rates[0], rates[RUNS - 1]);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double run(Path file, String kafka, String label) throws IOException {
        ReplayResult result = Replay.publish(ReplayRequest.of(new BeijingAirQualityAdapter(), file), kafka,
                ReplayProgress.NONE);
        if (!result.succeeded() || result.rejected() > 0) {
            throw new IllegalStateException("the benchmark replay failed: " + result);
        }
        double rate = result.eventsPublished() / (result.elapsed().toNanos() / 1e9);
        System.out.printf(Locale.ROOT, "%s: %,d events in %.2f s = %,.0f events/s%n", label,
                result.eventsPublished(), result.elapsed().toNanos() / 1e9, rate);
        return rate;
    }

    /** Writes the file, ordered by hour then station like the sample; returns the number of events it holds. */
    private static long generate(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(2013);
        LocalDateTime start = LocalDateTime.of(2013, 3, 1, 0, 0);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("\"No\",\"year\",\"month\",\"day\",\"hour\",\"PM2.5\",\"PM10\",\"SO2\",\"NO2\",\"CO\",\"O3\","
                    + "\"TEMP\",\"PRES\",\"DEWP\",\"RAIN\",\"wd\",\"WSPM\",\"station\"\r\n");
            for (int h = 0; h < HOURS; h++) {
                LocalDateTime t = start.plusHours(h);
                for (String station : STATIONS) {
                    out.write(String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%.1f,%.1f,%.1f,%.1f,"
                                    + "\"NNW\",%.1f,\"%s\"\r\n", h + 1, t.getYear(), t.getMonthValue(),
                            t.getDayOfMonth(), t.getHour(), 3 + random.nextInt(300), 5 + random.nextInt(400),
                            2 + random.nextInt(60), 5 + random.nextInt(120), 200 + random.nextInt(3000),
                            2 + random.nextInt(200), -10 + 40 * random.nextDouble(), 990 + 40 * random.nextDouble(),
                            -20 + 30 * random.nextDouble(), random.nextDouble() < 0.9 ? 0 : 5 * random.nextDouble(),
                            10 * random.nextDouble(), station));
                }
            }
        }
        return (long) HOURS * STATIONS.size() * 10;
    }
}
