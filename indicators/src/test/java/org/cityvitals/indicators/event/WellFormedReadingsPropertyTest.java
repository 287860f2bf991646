package org.cityvitals.indicators.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The one-pass decoder against the tree decoder, whose strictness {@link EventCodecStrictnessTest} pins: on valid
 * readings and on readings broken in every way a field can be, {@link EventCodec#decodeReading} must give exactly
 * what the tree alone gives (the same reading, or the same problems), and the one-pass decoder must take every valid
 * reading itself, or it would be dead weight.
 */
class WellFormedReadingsPropertyTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final WellFormedReadings ONE_PASS = new WellFormedReadings(new JsonFactory(),
            new JsonEnum<>(Quality.values(), Quality::jsonName), 90, 180);

    @Property(tries = 3000)
    void decodingGivesWhatTheTreeGives(@ForAll("readingTexts") String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertThat(EventCodec.decodeReading(bytes, NOW)).isEqualTo(EventCodec.decodeReadingTree(bytes, NOW));
    }

    @Property(tries = 1000)
    void everyValidReadingIsReadInOnePass(@ForAll("validFields") List<String> fields) {
        byte[] bytes = object(fields).getBytes(StandardCharsets.UTF_8);
        Decoded<Reading> tree = EventCodec.decodeReadingTree(bytes, NOW);
        assertThat(tree.problems()).isEmpty();
        assertThat(ONE_PASS.decode(bytes, NOW)).isEqualTo(tree.value());
    }

    @Provide
    Arbitrary<String> readingTexts() {
        Arbitrary<String> broken = Arbitraries.longs().map(seed -> {
            Random random = new Random(seed);
            return object(broken(validFields(random), random.nextInt(7), random));
        });
        return Arbitraries.oneOf(broken,
                Arbitraries.of("", "[]", "null", "{}", "{\"sensorId\":", "\"x\"", "{} {}"));
    }

    @Provide
    Arbitrary<List<String>> validFields() {
        return Arbitraries.longs().map(seed -> validFields(new Random(seed)));
    }

    /** A valid reading's fields as JSON members, in any order, with the value shapes producers write. */
    private static List<String> validFields(Random random) {
        List<String> fields = new ArrayList<>(List.of(
                member("sensorId", quoted(text(random))), member("metric", quoted(text(random))),
                member("value", number(random)), member("unit", quoted(text(random))),
                member("observedAt", quoted(pick(random, "2026-11-26T08:00:00Z", "2026-11-26T08:00:03.250Z",
                        "2026-11-27T12:00:00Z", "2000-01-01T00:00:00Z", "2024-02-29T23:59:59.999999999Z"))),
                member("district", quoted(text(random))),
                member("quality", quoted(pick(random, "good", "suspect", "bad")))));
        if (random.nextBoolean()) {
            fields.add(member("lat", pick(random, "31.2304", "90", "-90", "0", "-0.0", "89.99999999999999")));
            fields.add(member("lon", pick(random, "121.4737", "180", "-180", "0")));
        }
        Collections.shuffle(fields, random);
        return fields;
    }

    private static String text(Random random) {
        if (random.nextBoolean()) {
            return pick(random, "pm25", "310101", "µg/m³", "\\u00b5g", "s-1", " x ");
        }
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(8); i >= 0; i--) {
            char c = (char) ('!' + random.nextInt('~' - '!' + 1));
            text.append(c == '"' || c == '\\' ? 'q' : c);
        }
        return text.toString();
    }

    private static String number(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> String.valueOf((random.nextDouble() - 0.5) * 2e6);
            case 1 -> String.valueOf(random.nextInt());
            default -> pick(random, "0", "-0", "-0.0", "1e3", "2.5E-3", "1.7976931348623157e308", "4.9e-324",
                    "123456789012345678901234567890", "0.1000000000000000055511151231257827");
        };
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** The fields with up to {@code count} of the ways one member can be wrong. */
    private static List<String> broken(List<String> fields, int count, Random random) {
        List<String> out = new ArrayList<>(fields);
        for (int i = 0; i < count && !out.isEmpty(); i++) {
            int at = random.nextInt(out.size());
            String name = out.get(at).substring(1, out.get(at).indexOf('"', 1));
            String wrong = switch (random.nextInt(10)) {
                case 0 -> null; // absent
                case 1 -> member(name, "null");
                case 2 -> member(name, WRONG_VALUES.get(random.nextInt(WRONG_VALUES.size())));
                case 3 -> member(name, "\"   \"");
                case 4 -> member("colour", "\"red\"");
                case 5 -> out.get(at) + "," + out.get(at); // repeated
                case 6 -> member(name, "1e400");
                case 7 -> member(name, "\"2026-11-26T08:00:00+08:00\"");
                case 8 -> member(name, "\"GOOD\"");
                default -> member(name, "91");
            };
            if (wrong == null) {
                out.remove(at);
            } else {
                out.set(at, wrong);
            }
        }
        return out;
    }

    private static final List<String> WRONG_VALUES = List.of("true", "{}", "[1]", "\"high\"", "42", "-200",
            "\"1999-12-31T23:59:59Z\"", "\"2026-11-27T12:00:01Z\"", "\"26/11/2026\"", "\"2026-11-26T08:00Z\"",
            "\"great\"", "\"\"", "NaN");

    private static String object(List<String> fields) {
        return "{" + String.join(",", fields) + "}";
    }

    private static String member(String name, String json) {
        return "\"" + name + "\":" + json;
    }

    private static String quoted(Object text) {
        return "\"" + text + "\"";
    }
}
