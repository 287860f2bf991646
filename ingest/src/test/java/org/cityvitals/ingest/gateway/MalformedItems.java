package org.cityvitals.ingest.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Generates gateway lines of many broken kinds from a seed, each labelled with whether the data standard must accept
 * it. Built by mutating valid readings, so every kind of damage is tried on otherwise realistic items.
 */
final class MalformedItems {
    record Line(byte[] bytes, boolean valid, String kind) {
    }

    private record Kind(String name, boolean valid, Function<String, String> damage) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("valid", true, s -> s),
            new Kind("huge finite value, kept as suspect", true, s -> s.replaceFirst("\"value\":[^,]+", "\"value\":1.5e300")),
            new Kind("truncated JSON", false, s -> s.substring(0, s.length() / 2)),
            new Kind("garbage", false, s -> "x" + s.hashCode() + "}{"),
            new Kind("value as string", false, s -> s.replaceFirst("\"value\":([^,]+)", "\"value\":\"$1\"")),
            new Kind("observedAt as number", false, s -> s.replaceFirst("\"observedAt\":\"[^\"]+\"", "\"observedAt\":1714550400")),
            new Kind("quality as number", false, s -> s.replace("\"quality\":\"good\"", "\"quality\":5")),
            new Kind("sensorId as array", false, s -> s.replaceFirst("\"sensorId\":\"[^\"]+\"", "\"sensorId\":[\"a\"]")),
            new Kind("NaN", false, s -> s.replaceFirst("\"value\":[^,]+", "\"value\":NaN")),
            new Kind("Infinity", false, s -> s.replaceFirst("\"value\":[^,]+", "\"value\":-Infinity")),
            new Kind("number beyond double", false, s -> s.replaceFirst("\"value\":[^,]+", "\"value\":1e400")),
            new Kind("far future", false, s -> s.replaceFirst("\"observedAt\":\"[^\"]+\"", "\"observedAt\":\"2999-01-01T00:00:00Z\"")),
            new Kind("ancient", false, s -> s.replaceFirst("\"observedAt\":\"[^\"]+\"", "\"observedAt\":\"1970-01-01T00:00:00Z\"")),
            new Kind("impossible date", false, s -> s.replaceFirst("\"observedAt\":\"[^\"]+\"", "\"observedAt\":\"2024-02-30T25:61:00Z\"")),
            new Kind("local time without zone", false, s -> s.replaceFirst("\"observedAt\":\"([^\"]+)Z\"", "\"observedAt\":\"$1\"")),
            new Kind("unknown sensor", false, s -> s.replaceFirst("\"sensorId\":\"sh-", "\"sensorId\":\"unknown-")),
            new Kind("metric mismatch", false, s -> s.replaceFirst("\"metric\":\"[^\"]+\"",
                    s.contains("\"metric\":\"pm25\"") ? "\"metric\":\"rainfall\"" : "\"metric\":\"pm25\"")),
            new Kind("unknown district", false, s -> s.replaceFirst("\"district\":\"[^\"]+\"", "\"district\":\"999999\"")),
            new Kind("unknown field", false, s -> s.replaceFirst("\\{", "{\"extra\":true,")),
            new Kind("missing field", false, s -> s.replaceFirst("\"unit\":\"[^\"]*\",", "")),
            new Kind("empty object", false, s -> "{}"),
            new Kind("top-level array", false, s -> "[" + s + "]x"),
            new Kind("top-level number", false, s -> "42"),
            new Kind("duplicate key", false, s -> s.replaceFirst("\\{", "{\"value\":1,")),
            new Kind("blank sensor", false, s -> s.replaceFirst("\"sensorId\":\"[^\"]+\"", "\"sensorId\":\" \"")),
            new Kind("invalid UTF-8", false, s -> s));

    private MalformedItems() {
    }

    static List<Line> generate(int count, long seed) {
        Random random = new Random(seed);
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            Kind kind = KINDS.get(random.nextInt(KINDS.size()));
            String damaged = kind.damage().apply(GatewayClient.validReading(i));
            byte[] bytes = kind.name().equals("invalid UTF-8") ? withInvalidUtf8(damaged, random)
                    : damaged.getBytes(StandardCharsets.UTF_8);
            return new Line(bytes, kind.valid(), kind.name());
        }).toList();
    }

    /** Puts a byte sequence that no UTF-8 decoder accepts (lone continuation or truncated lead) into the line. */
    private static byte[] withInvalidUtf8(String line, Random random) {
        byte[] text = line.getBytes(StandardCharsets.UTF_8);
        int at = 1 + random.nextInt(text.length - 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(text, 0, at);
        out.writeBytes(random.nextBoolean() ? new byte[]{(byte) 0x80} : new byte[]{(byte) 0xC3, (byte) 0x28});
        out.write(text, at, text.length - at);
        return out.toByteArray();
    }
}
