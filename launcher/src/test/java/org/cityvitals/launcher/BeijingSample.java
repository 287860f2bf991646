package org.cityvitals.launcher;

import org.cityvitals.store.ClickHouse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Beijing air-quality sample and the hourly PM2.5 means it implies, computed here straight from the CSV so that
 * tests compare the platform's results with an expectation that does not reuse its code.
 */
final class BeijingSample {

    static final Path FILE = Path.of("..", "data", "samples", "beijing_aq_12stations_2013-03.csv");

    /** Station → district (GB/T 2260 code), written out here so the expectation does not reuse the profile. */
    private static final Map<String, String> DISTRICT_OF_STATION = Map.ofEntries(
            Map.entry("Aotizhongxin", "110105"), Map.entry("Nongzhanguan", "110105"),
            Map.entry("Dongsi", "110101"), Map.entry("Tiantan", "110101"),
            Map.entry("Guanyuan", "110102"), Map.entry("Wanshouxigong", "110102"),
            Map.entry("Gucheng", "110107"), Map.entry("Wanliu", "110108"),
            Map.entry("Changping", "110114"), Map.entry("Dingling", "110114"),
            Map.entry("Huairou", "110116"), Map.entry("Shunyi", "110113"));

    private BeijingSample() {}

    /**
     * "district@epochSecondOfTheHour" and "110000@…" → {sum, count} of PM2.5, skipping the NA cells: districts the
     * mean of their stations, the city the pooled mean over every station (the catalogue's city rule for air.pm25).
     */
    static Map<String, double[]> hourlyPm25MeansFromCsv() throws Exception {
        List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).replace("\"", "").split(","));
        int year = header.indexOf("year");
        int month = header.indexOf("month");
        int day = header.indexOf("day");
        int hour = header.indexOf("hour");
        int pm25 = header.indexOf("PM2.5");
        int station = header.indexOf("station");
        Map<String, double[]> means = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.strip().replace("\"", "").split(",");
            if (f[pm25].equals("NA")) {
                continue;
            }
            long epoch = LocalDateTime.of(Integer.parseInt(f[year]), Integer.parseInt(f[month]),
                    Integer.parseInt(f[day]), Integer.parseInt(f[hour]), 0)
                    .atZone(ZoneId.of("Asia/Shanghai")).toEpochSecond();
            for (String area : List.of(DISTRICT_OF_STATION.get(f[station]), "110000")) {
                double[] acc = means.computeIfAbsent(area + "@" + epoch, k -> new double[2]);
                acc[0] += Double.parseDouble(f[pm25]);
                acc[1]++;
            }
        }
        return means;
    }

    /** The hourly PM2.5 means ClickHouse holds for Beijing's areas, keyed like {@link #hourlyPm25MeansFromCsv}. */
    static Map<String, Double> storedHourlyPm25(ClickHouse clickHouse, String db) throws Exception {
        Map<String, Double> stored = new TreeMap<>();
        clickHouse.query("SELECT district, toUnixTimestamp(hour), avgMerge(value_avg) FROM " + db
                        + ".indicator_values_hourly WHERE indicator_id = 'air.pm25' AND startsWith(district, '110')"
                        + " GROUP BY district, hour",
                rs -> stored.put(rs.getString(1) + "@" + rs.getLong(2), rs.getDouble(3)));
        return stored;
    }
}
