package org.cityvitals.indicators.signal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON for the platform's own outputs (indicator values, alert events, health scores) on Kafka and WebSockets.
 *
 * <p>Unlike {@code EventCodec}, which guards the edge against anything the outside world sends, these messages are
 * produced by our own jobs; a message that does not decode is a bug or a version skew and is reported as such.
 * Enums are written by their {@link org.cityvitals.indicators.WireNames wire names} ("red", "opened"), instants as
 * ISO-8601 UTC strings.
 */
public final class SignalCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true) // the WireNames convention
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);

    private SignalCodec() {}

    public static byte[] toJsonBytes(Object signal) {
        try {
            return MAPPER.writeValueAsBytes(signal);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + signal, e);
        }
    }

    public static String toJson(Object signal) {
        try {
            return MAPPER.writeValueAsString(signal);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + signal, e);
        }
    }

    public static <T> T fromJson(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public static <T> T fromJson(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
