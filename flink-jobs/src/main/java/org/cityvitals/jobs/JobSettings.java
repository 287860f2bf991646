package org.cityvitals.jobs;

import org.cityvitals.indicators.city.CityProfiles;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything an operator can set on the job, from {@code --flag value} arguments. The defaults run against the
 * local demo stack; on a cluster pass {@code --kafka} and {@code --clickhouse}.
 */
public record JobSettings(String kafka, String clickHouseUrl, String database, String groupId, int parallelism,
                          Duration checkpointInterval, Duration outOfOrderness, Duration idleness,
                          Duration allowedLateness, Path catalogue, String city, boolean fromEarliest,
                          boolean untilLatest)
        implements Serializable {

    public static final String USAGE = String.join("\n",
            "flags (all optional):",
            "  --kafka HOST:PORT            Kafka bootstrap servers (127.0.0.1:9092)",
            "  --clickhouse JDBC-URL        ClickHouse server (jdbc:clickhouse://127.0.0.1:8123/default)",
            "  --database NAME              ClickHouse database (cityvitals)",
            "  --group-id ID                Kafka consumer group (cityvitals-vitals)",
            "  --parallelism N              job parallelism (1)",
            "  --checkpoint-interval DUR    e.g. 10s (10s)",
            "  --out-of-orderness DUR       bounded out-of-orderness of readings (30s)",
            "  --idleness DUR               a partition silent this long stops holding back time (1m)",
            "  --allowed-lateness DUR       late events within this correct their window (10m)",
            "  --catalogue FILE             indicator catalogue YAML (the shipped one)",
            "  --city ID                    city profile, for local time in the anomaly rule (shanghai)",
            "  --from-earliest              read topics from the beginning, not from committed offsets",
            "  --until-latest               stop at the end of what the topics hold now (a backfill of a replay)");

    private static final Set<String> VALUE_FLAGS = Set.of("--kafka", "--clickhouse", "--database", "--group-id",
            "--parallelism", "--checkpoint-interval", "--out-of-orderness", "--idleness", "--allowed-lateness",
            "--catalogue", "--city");

    public static JobSettings defaults() {
        return parse();
    }

    /** Parses flags; throws IllegalArgumentException naming the flag and what was wrong with it. */
    public static JobSettings parse(String... args) {
        Map<String, String> f = new HashMap<>();
        boolean fromEarliest = false;
        boolean untilLatest = false;
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String flag = list.get(i);
            if (flag.equals("--from-earliest")) {
                fromEarliest = true;
            } else if (flag.equals("--until-latest")) {
                untilLatest = true;
            } else if (!VALUE_FLAGS.contains(flag)) {
                throw new IllegalArgumentException("unknown flag " + flag + "\n" + USAGE);
            } else if (i + 1 == list.size()) {
                throw new IllegalArgumentException(flag + " needs a value\n" + USAGE);
            } else {
                f.put(flag, list.get(++i));
            }
        }
        return new JobSettings(
                f.getOrDefault("--kafka", "127.0.0.1:9092"),
                f.getOrDefault("--clickhouse", "jdbc:clickhouse://127.0.0.1:8123/default"),
                f.getOrDefault("--database", "cityvitals"),
                f.getOrDefault("--group-id", "cityvitals-vitals"),
                positive("--parallelism", f.getOrDefault("--parallelism", "1")),
                duration("--checkpoint-interval", f.getOrDefault("--checkpoint-interval", "10s")),
                duration("--out-of-orderness", f.getOrDefault("--out-of-orderness", "30s")),
                duration("--idleness", f.getOrDefault("--idleness", "1m")),
                duration("--allowed-lateness", f.getOrDefault("--allowed-lateness", "10m")),
                f.containsKey("--catalogue") ? Path.of(f.get("--catalogue")) : null,
                f.getOrDefault("--city", "shanghai"),
                fromEarliest, untilLatest);
    }

    /** The city's time zone (the profile is validated here, so an unknown --city fails at start). */
    public ZoneId zone() {
        return CityProfiles.byId(city).zone();
    }

    public CatalogueText catalogueText() {
        return catalogue == null ? CatalogueText.shipped() : CatalogueText.of(catalogue);
    }

    private static int positive(String flag, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " needs a positive whole number, got '" + v + "'");
    }

    /** Accepts 500ms, 30s, 10m, 2h or an ISO-8601 duration such as PT30S. */
    static Duration duration(String flag, String v) {
        try {
            if (v.startsWith("P") || v.startsWith("p")) {
                return Duration.parse(v);
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(flag + " needs a duration such as 500ms, 30s, 10m or 2h, got '"
                    + v + "'");
        }
    }
}
