package org.cityvitals.indicators.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * JSON encoding and strict decoding of {@link Reading} and {@link Incident}. Field names are the record component
 * names; instants are ISO-8601 UTC strings; absent optional fields are omitted. Decoding never throws for bad input:
 * it returns every problem with its field path. Thread-safe. A valid reading is read in one pass over its tokens
 * ({@link WellFormedReadings}); the JSON tree, with one shared {@link ObjectMapper}, decodes incidents and explains
 * every refused reading.
 */
public final class EventCodec {
    /** Strict: a repeated field or anything after the object is malformed. Both decoders read numbers alike. */
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final double MAX_LAT = 90;
    private static final double MAX_LON = 180;
    private static final Set<String> READING_FIELDS = Set.of(
            "sensorId", "metric", "value", "unit", "observedAt", "district", "lat", "lon", "quality");
    private static final Set<String> INCIDENT_FIELDS = Set.of(
            "id", "source", "category", "subcategory", "district", "priority", "status",
            "reportedAt", "dispatchedAt", "resolvedAt", "lat", "lon");
    private static final JsonEnum<Quality> QUALITIES = new JsonEnum<>(Quality.values(), Quality::jsonName);
    private static final JsonEnum<IncidentSource> SOURCES =
            new JsonEnum<>(IncidentSource.values(), IncidentSource::jsonName);
    private static final JsonEnum<IncidentStatus> STATUSES =
            new JsonEnum<>(IncidentStatus.values(), IncidentStatus::jsonName);
    /** Finds repeated fields itself, so its parser need not track them. */
    private static final WellFormedReadings WELL_FORMED_READINGS = new WellFormedReadings(
            JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build(), QUALITIES, MAX_LAT,
            MAX_LON);

    private EventCodec() {
    }

    public static String toJson(Reading reading) {
        return new String(toJsonBytes(reading), StandardCharsets.UTF_8);
    }

    public static String toJson(Incident incident) {
        return new String(toJsonBytes(incident), StandardCharsets.UTF_8);
    }

    public static byte[] toJsonBytes(Reading r) {
        return write(g -> {
            g.writeStringField("sensorId", r.sensorId());
            g.writeStringField("metric", r.metric());
            g.writeNumberField("value", r.value());
            g.writeStringField("unit", r.unit());
            g.writeStringField("observedAt", r.observedAt().toString());
            g.writeStringField("district", r.district());
            writeLocation(g, r.lat(), r.lon());
            g.writeStringField("quality", r.quality().jsonName());
        });
    }

    public static byte[] toJsonBytes(Incident i) {
        return write(g -> {
            g.writeStringField("id", i.id());
            g.writeStringField("source", i.source().jsonName());
            g.writeStringField("category", i.category());
            writeOptional(g, "subcategory", i.subcategory());
            g.writeStringField("district", i.district());
            g.writeNumberField("priority", i.priority());
            g.writeStringField("status", i.status().jsonName());
            g.writeStringField("reportedAt", i.reportedAt().toString());
            writeOptional(g, "dispatchedAt", i.dispatchedAt());
            writeOptional(g, "resolvedAt", i.resolvedAt());
            writeLocation(g, i.lat(), i.lon());
        });
    }

    public static Decoded<Reading> decodeReading(byte[] json) {
        return decodeReading(json, Clock.systemUTC());
    }

    public static Decoded<Incident> decodeIncident(byte[] json) {
        return decodeIncident(json, Clock.systemUTC());
    }

    /**
     * What {@link #decodeReading(byte[], Clock)} would report for {@code reading} once encoded, found without the
     * JSON round trip, for producers that build readings in memory at high rates: the {@link Reading} constructor
     * already guarantees presence, finite values and paired coordinates, which leaves blank texts, the time range and
     * the coordinate ranges.
     */
    public static List<Problem> problems(Reading r, Clock clock) {
        List<Problem> problems = new ArrayList<>(0);
        String[][] texts = {{"sensorId", r.sensorId()}, {"metric", r.metric()}, {"unit", r.unit()},
                {"district", r.district()}};
        for (String[] text : texts) {
            if (text[1].isBlank()) {
                problems.add(new Problem(text[0], "must not be blank"));
            }
        }
        String time = JsonFields.instantProblem(r.observedAt(), clock);
        if (time != null) {
            problems.add(new Problem("observedAt", time));
        }
        if (r.lat() != null) {
            String lat = JsonFields.rangeProblem(r.lat(), -MAX_LAT, MAX_LAT);
            String lon = JsonFields.rangeProblem(r.lon(), -MAX_LON, MAX_LON);
            if (lat != null) problems.add(new Problem("lat", lat));
            if (lon != null) problems.add(new Problem("lon", lon));
        }
        return problems;
    }

    /**
     * Like {@link #decodeReading(byte[])}, judging "in the future" against {@code clock}. A valid reading is read
     * straight from its tokens; anything else goes through the tree, which names every problem.
     */
    public static Decoded<Reading> decodeReading(byte[] json, Clock clock) {
        Reading valid = WELL_FORMED_READINGS.decode(json, clock);
        return valid != null ? new Decoded<>(valid, List.of()) : decodeReadingTree(json, clock);
    }

    /** The tree decoder alone: every problem of the reading with its path. */
    static Decoded<Reading> decodeReadingTree(byte[] json, Clock clock) {
        return decode(json, clock, READING_FIELDS, f -> {
            String sensorId = f.text("sensorId", true);
            String metric = f.text("metric", true);
            Double value = f.number("value", true, -Double.MAX_VALUE, Double.MAX_VALUE);
            String unit = f.text("unit", true);
            Instant observedAt = f.instant("observedAt", true);
            String district = f.text("district", true);
            Location location = location(f);
            Quality quality = f.enumValue("quality", QUALITIES);
            return f.problems().isEmpty()
                    ? new Reading(sensorId, metric, value, unit, observedAt, district, location.lat, location.lon,
                    quality)
                    : null;
        });
    }

    /** Like {@link #decodeIncident(byte[])}, judging "in the future" against {@code clock}. */
    public static Decoded<Incident> decodeIncident(byte[] json, Clock clock) {
        return decode(json, clock, INCIDENT_FIELDS, f -> {
            String id = f.text("id", true);
            IncidentSource source = f.enumValue("source", SOURCES);
            String category = f.text("category", true);
            String subcategory = f.text("subcategory", false);
            String district = f.text("district", true);
            Integer priority = f.integer("priority", Incident.MOST_URGENT, Incident.LEAST_URGENT);
            IncidentStatus status = f.enumValue("status", STATUSES);
            Instant reportedAt = f.instant("reportedAt", true);
            Instant dispatchedAt = f.instant("dispatchedAt", false);
            Instant resolvedAt = f.instant("resolvedAt", false);
            Location location = location(f);
            checkLifecycle(f, status, reportedAt, dispatchedAt, resolvedAt);
            return f.problems().isEmpty()
                    ? new Incident(id, source, category, subcategory, district, priority, status, reportedAt,
                    dispatchedAt, resolvedAt, location.lat, location.lon)
                    : null;
        });
    }

    /**
     * A dispatched case needs its dispatch time and a resolved case its resolve time (a hotline case may be resolved
     * on the phone without a dispatch); no lifecycle timestamp may precede the one before it.
     */
    private static void checkLifecycle(JsonFields f, IncidentStatus status, Instant reportedAt, Instant dispatchedAt,
                                       Instant resolvedAt) {
        if (status == IncidentStatus.DISPATCHED && dispatchedAt == null && !f.hasProblem("dispatchedAt")) {
            f.problem("dispatchedAt", "required when status is dispatched");
        }
        if (status == IncidentStatus.RESOLVED && resolvedAt == null && !f.hasProblem("resolvedAt")) {
            f.problem("resolvedAt", "required when status is resolved");
        }
        if (status == IncidentStatus.REPORTED && resolvedAt != null) {
            f.problem("resolvedAt", "must be absent while status is reported");
        }
        if (reportedAt != null && dispatchedAt != null && dispatchedAt.isBefore(reportedAt)) {
            f.problem("dispatchedAt", "before reportedAt");
        }
        Instant previous = dispatchedAt != null ? dispatchedAt : reportedAt;
        if (previous != null && resolvedAt != null && resolvedAt.isBefore(previous)) {
            f.problem("resolvedAt", "before " + (dispatchedAt != null ? "dispatchedAt" : "reportedAt"));
        }
    }

    private record Location(Double lat, Double lon) {
    }

    private static Location location(JsonFields f) {
        Double lat = f.number("lat", false, -MAX_LAT, MAX_LAT);
        Double lon = f.number("lon", false, -MAX_LON, MAX_LON);
        if ((lat == null) != (lon == null) && !f.hasProblem("lat") && !f.hasProblem("lon")) {
            f.problem(lat == null ? "lat" : "lon", "required when " + (lat == null ? "lon" : "lat") + " is given");
        }
        return new Location(lat, lon);
    }

    private static <T> Decoded<T> decode(byte[] json, Clock clock, Set<String> knownFields,
                                         Function<JsonFields, T> read) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return failed("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return failed("unreadable: " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            return failed("must be a JSON object");
        }
        JsonFields fields = new JsonFields(tree, clock);
        fields.rejectUnknownFields(knownFields);
        T value = read.apply(fields);
        return new Decoded<>(value, fields.problems());
    }

    private static <T> Decoded<T> failed(String reason) {
        return new Decoded<>(null, List.of(new Problem("$", reason)));
    }

    private interface FieldWriter {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] write(FieldWriter fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static void writeOptional(JsonGenerator g, String name, Object value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value.toString());
        }
    }

    private static void writeLocation(JsonGenerator g, Double lat, Double lon) throws IOException {
        if (lat != null) {
            g.writeNumberField("lat", lat);
            g.writeNumberField("lon", lon);
        }
    }
}
