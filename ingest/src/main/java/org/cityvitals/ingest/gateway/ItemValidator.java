package org.cityvitals.ingest.gateway;

import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.event.Decoded;
import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.Problem;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.metric.MetricRegistry;
import org.cityvitals.indicators.signal.RejectReason;
import org.cityvitals.ingest.source.OutboundEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Judges one gateway item against the data standard: strict decoding (every problem with its field); then the
 * district must be a district of some city profile and within the sending key's areas, no time may lie more than
 * the allowed clock skew ahead of the gateway's clock, and a reading's sensor must be registered for that metric
 * and district.
 */
final class ItemValidator {
    /** The event to publish, or the reasons not to. */
    record Verdict(OutboundEvent event, List<ItemError> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private static final MetricRegistry METRICS = MetricRegistry.loadDefault();

    private final SensorCheck sensors;
    private final Clock clock;
    private final Duration maxClockSkew;

    ItemValidator(SensorCheck sensors, Clock clock, Duration maxClockSkew) {
        this.sensors = sensors;
        this.clock = clock;
        this.maxClockSkew = maxClockSkew;
    }

    Verdict reading(BodyItem item, ApiKey sender) {
        return judge(item, EventCodec::decodeReading, (reading, errors) -> {
            checkDistrict(item, reading.district(), sender, errors);
            checkNotAhead(item, "observedAt", reading.observedAt(), errors);
            sensors.check(reading).ifPresent(e -> errors.add(new ItemError(item.line(), e.field(), e.reason(),
                    e.detail())));
            Reading judged = suspectIfImplausible(reading);
            return new OutboundEvent(OutboundEvent.Kind.READING, judged.sensorId(), judged.observedAt(),
                    EventCodec.toJsonBytes(judged));
        });
    }

    Verdict incident(BodyItem item, ApiKey sender) {
        return judge(item, EventCodec::decodeIncident, (incident, errors) -> {
            checkDistrict(item, incident.district(), sender, errors);
            checkNotAhead(item, "reportedAt", incident.reportedAt(), errors);
            checkNotAhead(item, "dispatchedAt", incident.dispatchedAt(), errors);
            checkNotAhead(item, "resolvedAt", incident.resolvedAt(), errors);
            return new OutboundEvent(OutboundEvent.Kind.INCIDENT, incident.id(), eventTime(incident),
                    EventCodec.toJsonBytes(incident));
        });
    }

    private interface Checks<T> {
        OutboundEvent apply(T value, List<ItemError> errors);
    }

    private <T> Verdict judge(BodyItem item, Function<byte[], Decoded<T>> decode, Checks<T> checks) {
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

    private static void checkDistrict(BodyItem item, String district, ApiKey sender, List<ItemError> errors) {
        boolean known = CityProfiles.all().stream().anyMatch(city -> city.district(district).isPresent());
        if (!known) {
            errors.add(new ItemError(item.line(), "district", RejectReason.UNKNOWN_DISTRICT,
                    "'" + district + "' is no district code of any city profile"));
        } else if (!sender.mayReach(district)) {
            errors.add(new ItemError(item.line(), "district", RejectReason.OUT_OF_SCOPE,
                    "API key '" + sender.id() + "' may not send for district " + district));
        }
    }

    /** Clocks disagree by seconds, not hours: a time far ahead is a device with a wrong clock or a wrong zone. */
    private void checkNotAhead(BodyItem item, String field, Instant time, List<ItemError> errors) {
        Instant now = clock.instant();
        if (time != null && time.isAfter(now.plus(maxClockSkew))) {
            errors.add(new ItemError(item.line(), field, RejectReason.FUTURE_TIMESTAMP, time + " is "
                    + Duration.between(now, time).toSeconds() + " s ahead of the gateway's clock (at most "
                    + maxClockSkew.toSeconds() + " s allowed)"));
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
