package org.cityvitals.indicators.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Decodes a reading in one pass over the JSON tokens when the reading is valid, and gives up (null) at the first
 * thing that is not: a missing, repeated, unknown or mistyped field, a value out of range, anything but a flat
 * object. The caller then decodes the same bytes with the tree decoder, which reports every problem with its path,
 * so what is accepted and what is said about a refusal are the tree decoder's alone
 * ({@code WellFormedReadingsPropertyTest} holds the two to the same result).
 *
 * <p>Why a second decoder: building a {@code JsonNode} tree per reading (a map of nine nodes) was half of the job's
 * source thread and most of its allocation; valid readings are nearly all of the traffic, and reading their tokens
 * straight into the record's fields allocates little beyond the record's own strings.
 */
final class WellFormedReadings {
    private static final String SENSOR_ID = "sensorId";
    private static final String METRIC = "metric";
    private static final String VALUE = "value";
    private static final String UNIT = "unit";
    private static final String OBSERVED_AT = "observedAt";
    private static final String DISTRICT = "district";
    private static final String LAT = "lat";
    private static final String LON = "lon";
    private static final String QUALITY = "quality";

    private final JsonFactory factory;
    private final JsonEnum<Quality> qualities;
    private final double maxLat;
    private final double maxLon;

    WellFormedReadings(JsonFactory factory, JsonEnum<Quality> qualities, double maxLat, double maxLon) {
        this.factory = factory;
        this.qualities = qualities;
        this.maxLat = maxLat;
        this.maxLon = maxLon;
    }

    /** The reading, or null when the bytes are anything but a valid reading. */
    Reading decode(byte[] json, Clock clock) {
        try (JsonParser p = factory.createParser(json)) {
            return p.nextToken() == JsonToken.START_OBJECT ? fields(p, clock) : null;
        } catch (IOException | DateTimeParseException malformed) {
            return null;
        }
    }

    private Reading fields(JsonParser p, Clock clock) throws IOException {
        String sensorId = null;
        String metric = null;
        Double value = null;
        String unit = null;
        Instant observedAt = null;
        String district = null;
        Double lat = null;
        Double lon = null;
        Quality quality = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            // each known field must come once and be valid; anything else ends the fast path
            boolean firstAndValid = switch (name) {
                case SENSOR_ID -> sensorId == null && (sensorId = text(p, token)) != null;
                case METRIC -> metric == null && (metric = text(p, token)) != null;
                case VALUE -> value == null && (value = number(p, token, Double.MAX_VALUE)) != null;
                case UNIT -> unit == null && (unit = text(p, token)) != null;
                case OBSERVED_AT -> observedAt == null && (observedAt = instant(p, token, clock)) != null;
                case DISTRICT -> district == null && (district = text(p, token)) != null;
                case LAT -> lat == null && (lat = number(p, token, maxLat)) != null;
                case LON -> lon == null && (lon = number(p, token, maxLon)) != null;
                case QUALITY -> quality == null && token == JsonToken.VALUE_STRING
                        && (quality = qualities.find(p.getText())) != null;
                default -> false;
            };
            if (!firstAndValid) {
                return null;
            }
        }
        boolean complete = p.currentToken() == JsonToken.END_OBJECT && p.nextToken() == null
                && sensorId != null && metric != null && value != null && unit != null && observedAt != null
                && district != null && quality != null && (lat == null) == (lon == null);
        return complete ? new Reading(sensorId, metric, value, unit, observedAt, district, lat, lon, quality) : null;
    }

    private static String text(JsonParser p, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            return null;
        }
        String text = p.getText();
        return text.isBlank() ? null : text;
    }

    private static Double number(JsonParser p, JsonToken token, double limit) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
            return null;
        }
        double value = p.getDoubleValue();
        return Double.isFinite(value) && JsonFields.rangeProblem(value, -limit, limit) == null ? value : null;
    }

    private static Instant instant(JsonParser p, JsonToken token, Clock clock) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            return null;
        }
        String text = p.getText();
        Instant instant = text.endsWith("Z") ? UtcInstants.parse(text) : null;
        return instant != null && JsonFields.instantProblem(instant, clock) == null ? instant : null;
    }
}
