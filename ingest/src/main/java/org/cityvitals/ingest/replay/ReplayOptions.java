package org.cityvitals.ingest.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Parsed {@code replay} arguments. {@code speed} is the event-time multiplier (1 = real time); {@code max} publishes
 * as fast as Kafka takes it. {@code reorderWindow} bounds how far out of order a source may be.
 */
public record ReplayOptions(String dataset, Path file, Path metadata, double speed, boolean max, String kafka,
                            Duration reorderWindow, int reorderCapacity) {

    public static final String USAGE = """
            usage: replay --dataset NAME --file PATH [--speed N | --max] [--kafka HOST:PORT]
                          [--metadata PATH] [--reorder-window MINUTES]
              --dataset         one of %s
              --file            the data set's CSV file (any size: it is streamed)
              --speed N         replay N times faster than the data's own clock (default 1 = real time)
              --max             publish as fast as Kafka accepts
              --kafka           bootstrap servers (default 127.0.0.1:9092)
              --metadata        aarhus-traffic only: segment metadata CSV
                                (default: aarhus_traffic_metadata.csv next to --file)
              --reorder-window  how far (minutes of event time) rows may be out of order (default 60)
            """;

    public static ReplayOptions parse(String[] args) {
        Map<String, String> flags = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--max")) {
                flags.put(flag, "true");
            } else if (flag.startsWith("--") && i + 1 < args.length) {
                flags.put(flag, args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument '" + flag + "'");
            }
        }
        String dataset = required(flags, "--dataset");
        Path file = Path.of(required(flags, "--file"));
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("--file " + file + ": no such readable file");
        }
        if (flags.containsKey("--max") && flags.containsKey("--speed")) {
            throw new IllegalArgumentException("give --speed or --max, not both");
        }
        double speed = Double.parseDouble(flags.getOrDefault("--speed", "1"));
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("--speed must be a positive number: " + speed);
        }
        Path metadata = flags.containsKey("--metadata") ? Path.of(flags.get("--metadata"))
                : file.toAbsolutePath().resolveSibling("aarhus_traffic_metadata.csv");
        long windowMinutes = Long.parseLong(flags.getOrDefault("--reorder-window", "60"));
        if (windowMinutes < 0) {
            throw new IllegalArgumentException("--reorder-window must not be negative: " + windowMinutes);
        }
        return new ReplayOptions(dataset, file, metadata, speed, flags.containsKey("--max"),
                flags.getOrDefault("--kafka", "127.0.0.1:9092"), Duration.ofMinutes(windowMinutes), 200_000);
    }

    private static String required(Map<String, String> flags, String name) {
        String value = flags.get(name);
        if (value == null) throw new IllegalArgumentException("missing " + name);
        return value;
    }
}
