package org.cityvitals.ingest.gateway;

import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.event.Decoded;
import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.Problem;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.metric.MetricRegistry;
import org.cityvitals.ingest.source.OutboundEvent;
import org.cityvitals.indicators.signal.RejectReason;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Judges one gateway item against the data standard: strict decoding (every problem with its field), then the
 * district must belong to the gateway's city and a reading's sensor must be registered for that metric.
 */
final class ItemValidator {
    /** The event to publish, or the reasons not to. */
    record Verdict(OutboundEvent event, List<ItemError> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private static final MetricRegistry METRICS = MetricRegistry.loadDefault();

    private final CityProfile city;
    private final SensorCheck sensors;

    ItemValidator(CityProfile city, SensorCheck sensors) {
        this.city = city;
        this.sensors = sensors;
    }

    Verdict reading(BodyItem item) {
        return judge(item, EventCodec::decodeReading, (reading, errors) -> {
            checkDistrict(item, reading.district(), errors);
            sensors.check(reading).ifPresent(e -> errors.add(new ItemError(item.line(), e.field(), e.reason(),
                    e.detail())));
            Reading judged = suspectIfImplausible(reading);
            return new OutboundEvent(OutboundEvent.Kind.READING, judged.sensorId(), judged.observedAt(),
                    EventCodec.toJsonBytes(judged));
        });
    }

    Verdict incident(BodyItem item) {
        return judge(item, EventCodec::decodeIncident, (incident, errors) -> {
            checkDistrict(item, incident.district(), errors);
            return new OutboundEvent(OutboundEvent.Kind.INCIDENT, incident.id(), eventTime(incident),
                    EventCodec.toJsonBytes(incident));
        });
    }

    private interface Checks<T> {
        OutboundEvent apply(T value, List<ItemError> errors);
    }

    private static <T> Verdict judge(BodyItem item, Function<byte[], Decoded<T>> decode, Checks<T> checks) {
        if (item.unreadable() != null) {
            return new Verdict(null, List.of(item.unreadable()));
        }
        Decoded<T> decoded = decode.apply(item.json());
        List<ItemError> errors = new ArrayList<>();
        for (Problem p : decoded.problems()) {
            RejectReason reason = p.path().equals("$") && p.reason().startsWith("malformed JSON")
                    ? RejectReason.BAD_JSON : RejectReason.SCHEMA_VIOLATION;
            errors.add(new ItemError(item.line(), p.path(), reason, p.reason()));
        }
        if (!decoded.ok()) {
            return new Verdict(null, errors);
        }
        OutboundEvent event = checks.apply(decoded.value(), errors);
        return errors.isEmpty() ? new Verdict(event, List.of()) : new Verdict(null, errors);
    }

    private void checkDistrict(BodyItem item, String district, List<ItemError> errors) {
        if (city.district(district).isEmpty()) {
            errors.add(new ItemError(item.line(), "district", RejectReason.UNKNOWN_DISTRICT,
                    "'" + district + "' is no district code of " + city.nameEn()));
        }
    }

    /**
     * A value outside the metric's plausible range is kept but marked suspect, as the data standard prescribes: a
     * faulty sensor's output is evidence, not something to throw away.
     */
    private static Reading suspectIfImplausible(Reading r) {
        boolean plausible = METRICS.byId(r.metric()).map(m -> m.isPlausible(r.value())).orElse(true);
        return plausible || r.quality() != Quality.GOOD ? r : new Reading(r.sensorId(), r.metric(), r.value(),
                r.unit(), r.observedAt(), r.district(), r.lat(), r.lon(), Quality.SUSPECT);
    }

    /** An incident event happens at its latest lifecycle step. */
    private static Instant eventTime(Incident i) {
        if (i.resolvedAt() != null) return i.resolvedAt();
        return i.dispatchedAt() != null ? i.dispatchedAt() : i.reportedAt();
    }
}
