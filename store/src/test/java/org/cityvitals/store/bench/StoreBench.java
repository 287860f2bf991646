package org.cityvitals.store.bench;

import org.cityvitals.indicators.signal.Origin;
import org.HdrHistogram.Histogram;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.stack.ClickHouseServer;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.SchemaMigrator;
import org.cityvitals.store.SqlScript;
import org.cityvitals.store.dimension.DimensionLoader;
import org.cityvitals.store.table.IndicatorValueTable;
import org.cityvitals.store.table.ReadingTable;
import org.cityvitals.store.table.TableMapping;

import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Benchmarks of the store on this machine, against a private ClickHouse it starts itself:
 * <ol>
 *   <li>the insert rate of {@link ClickHouse#insert(String, TableMapping, List)}, the call the Flink sink makes,
 *       writing raw readings and indicator values (with the rollup views attached) in batches of several sizes;
 *       median of several rounds;</li>
 *   <li>the dashboard's history query (24 h of one indicator in one district, {@code FINAL}) with 30 days × 16
 *       districts × 30 indicators of 1-minute values loaded, as p50/p95/p99 over many runs.</li>
 * </ol>
 * Not a test: run it as README "Benchmarks" says. Options: {@code --rounds N} (5), {@code --rows N} per round
 * (1,000,000), {@code --batches 10000,50000}, {@code --queries N} (500).
 */
public final class StoreBench {

    private static final int DAYS = 30;
    private static final int INDICATORS = 30;
    private static final int DISTRICTS = 16;
    private static final int MINUTES_PER_DAY = 1440;

    /** Each round's rows start after the previous round's, so keys never repeat. */
    private static long nextMinute = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() / 60;

    /** The query dashboard-server's SignalStore.history runs, with its parameters inlined. */
    private static final String HISTORY = "SELECT indicator_id, district, toUnixTimestamp(window_start), "
            + "toUnixTimestamp(window_end), value, samples, level, version FROM bench.indicator_values FINAL "
            + "WHERE indicator_id = ? AND district = ? "
            + "AND window_start >= toDateTime(?) AND window_start < toDateTime(?) "
            + "ORDER BY window_start";

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        try (ClickHouseServer server = ClickHouseServer.start(Files.createTempDirectory("store-bench"))) {
            ClickHouse admin = new ClickHouse(server.jdbcUrl("default"));
            System.out.printf("StoreBench: ClickHouse 18.16 child process, %d cores, Java %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            insertRates(admin, o);
            historyQuery(admin, o);
        }
    }

    private static void insertRates(ClickHouse admin, Options o) throws SQLException {
        new SchemaMigrator(admin, "bench_insert").migrate();
        System.out.printf("%n(a) insert rate of ClickHouse.insert(database, mapping, batch), the Flink sink's call, "
                + "%,d rows per round, median of %d rounds after 1 warm-up%n", o.rows, o.rounds);
        for (int batch : o.batches) {
            insertRate(admin, "readings (raw, no views)", new ReadingTable(), StoreBench::readings, batch, o);
            insertRate(admin, "indicator_values (+ hourly and daily views)", new IndicatorValueTable(Origin.LIVE),
                    StoreBench::values, batch, o);
        }
    }

    private static <T> void insertRate(ClickHouse admin, String label, TableMapping<T> mapping,
                                       RowSource<T> source, int batch, Options o) throws SQLException {
        double[] rates = new double[o.rounds];
        for (int round = -1; round < o.rounds; round++) {
            List<T> rows = source.rows(nextMinute, o.rows);
            nextMinute += o.rows / (INDICATORS * DISTRICTS) + 1;
            long start = System.nanoTime();
            for (int from = 0; from < rows.size(); from += batch) {
                admin.insert("bench_insert", mapping, rows.subList(from, Math.min(rows.size(), from + batch)));
            }
            double rate = rows.size() / ((System.nanoTime() - start) / 1e9);
            if (round >= 0) {
                rates[round] = rate;
            }
        }
        Arrays.sort(rates);
        System.out.printf("  batch %,7d  %-44s median %,9.0f rows/s  (rounds: %s)%n", batch, label,
                rates[rates.length / 2], formatRates(rates));
    }

    @FunctionalInterface
    private interface RowSource<T> {
        List<T> rows(long firstMinute, int count);
    }

    /** {@code count} readings from 480 sensors, minute after minute. */
    private static List<Reading> readings(long firstMinute, int count) {
        SplittableRandom random = new SplittableRandom(firstMinute);
        List<Reading> rows = new ArrayList<>(count);
        int sensors = INDICATORS * DISTRICTS;
        for (int i = 0; i < count; i++) {
            String district = String.valueOf(310101 + (i % sensors) / INDICATORS);
            rows.add(new Reading("sh-" + district + "-sensor-" + i % INDICATORS, "metric_" + i % INDICATORS,
                    random.nextDouble(0, 300), "µg/m³", Instant.ofEpochSecond((firstMinute + i / sensors) * 60),
                    district, 31.2, 121.5, Quality.GOOD));
        }
        return rows;
    }

    /** {@code count} values with distinct keys: 30 indicators in 16 districts, minute after minute. */
    private static List<IndicatorValue> values(long firstMinute, int count) {
        SplittableRandom random = new SplittableRandom(firstMinute);
        List<IndicatorValue> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant start = Instant.ofEpochSecond((firstMinute + i / (INDICATORS * DISTRICTS)) * 60);
            rows.add(new IndicatorValue("bench.indicator_" + i % INDICATORS, String.valueOf(310101 + (i / INDICATORS)
                    % DISTRICTS), start, start.plusSeconds(60), random.nextDouble(0, 300), random.nextInt(1, 60),
                    Level.values()[random.nextInt(Level.values().length)], 1));
        }
        return rows;
    }

    private static void historyQuery(ClickHouse admin, Options o) throws SQLException {
        new SchemaMigrator(admin, "bench").migrate();
        new DimensionLoader(admin, "bench").load(Instant.now());
        long end = Instant.now().getEpochSecond() / 60 * 60;
        long loadStart = System.nanoTime();
        // A day per statement: one INSERT ... SELECT of all 30 days exceeds the server's 4 GB per-query memory limit.
        for (int day = 0; day < DAYS; day++) {
            SqlScript.run(admin, "/synthetic/indicator-values.sql", Map.of("db", "bench",
                    "end", String.valueOf(end - day * 86_400L), "step", "60",
                    "windows", String.valueOf(MINUTES_PER_DAY), "indicators", String.valueOf(INDICATORS)));
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long rows = admin.query("SELECT count() FROM bench.indicator_values", rs -> rs.getLong(1)).get(0);
        System.out.printf("%n(b) history query: loaded %,d rows (%d days x %d districts x %d indicators x 1 min) by "
                + "INSERT ... SELECT on the server in %.1f s (%,.0f rows/s, views included)%n", rows, DAYS, DISTRICTS,
                INDICATORS, loadSeconds, rows / loadSeconds);
        List<String> indicatorIds = admin.query("SELECT DISTINCT indicator_id FROM bench.indicator_values_daily",
                rs -> rs.getString(1));
        List<String> districts = admin.query("SELECT DISTINCT district FROM bench.indicator_values_daily",
                rs -> rs.getString(1));
        SplittableRandom random = new SplittableRandom(42);
        Histogram micros = new Histogram(60_000_000L, 3);
        int warmUp = o.queries / 10;
        long resultRows = 0;
        for (int i = -warmUp; i < o.queries; i++) {
            String indicator = indicatorIds.get(random.nextInt(indicatorIds.size()));
            String district = districts.get(random.nextInt(districts.size()));
            long to = end - random.nextLong(0, (DAYS - 1) * 86_400L) / 60 * 60;
            long start = System.nanoTime();
            int n = admin.query(HISTORY, rs -> 1, indicator, district, to - 86_400, to).size();
            long elapsed = (System.nanoTime() - start) / 1_000;
            if (i >= 0) {
                micros.recordValue(elapsed);
                resultRows += n;
            }
        }
        System.out.printf("  %d queries (after %d warm-up), random indicator, district and 24 h range, %,d rows "
                        + "each on average:%n  p50 %.1f ms   p95 %.1f ms   p99 %.1f ms   max %.1f ms%n",
                o.queries, warmUp, resultRows / o.queries, micros.getValueAtPercentile(50) / 1e3,
                micros.getValueAtPercentile(95) / 1e3, micros.getValueAtPercentile(99) / 1e3,
                micros.getMaxValue() / 1e3);
    }

    private static String formatRates(double[] rates) {
        StringBuilder text = new StringBuilder();
        for (double r : rates) {
            text.append(text.isEmpty() ? "" : ", ").append(String.format("%,.0f", r));
        }
        return text.toString();
    }

    private record Options(int rounds, int rows, int[] batches, int queries) {
        static Options parse(String[] args) {
            Options o = new Options(5, 1_000_000, new int[] {10_000, 50_000}, 500);
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                o = switch (args[i]) {
                    case "--rounds" -> new Options(Integer.parseInt(value), o.rows, o.batches, o.queries);
                    case "--rows" -> new Options(o.rounds, Integer.parseInt(value), o.batches, o.queries);
                    case "--batches" -> new Options(o.rounds, o.rows,
                            Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray(), o.queries);
                    case "--queries" -> new Options(o.rounds, o.rows, o.batches, Integer.parseInt(value));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; known: --rounds, --rows, --batches, --queries");
                };
            }
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException("option " + args[args.length - 1] + " needs a value");
            }
            return o;
        }
    }
}
