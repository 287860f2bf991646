package org.cityvitals.ingest.sim;

import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.catalogue.IndicatorSource;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.IncidentStatus;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.level.Level;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * A small, independent evaluation of one catalogue indicator over recorded simulator output: the value of the
 * window ending at {@code end} for one district, and its level. Good enough to check the simulator's claims; the
 * real computation is the Flink job's.
 */
final class IndicatorProbe {
    private final Map<String, List<Reading>> readingsBySeries;
    private final Map<String, List<RecordingSink.Step>> stepsByDistrict;

    IndicatorProbe(RecordingSink events) {
        this.readingsBySeries = events.readings.stream().collect(Collectors.groupingBy(
                r -> r.metric() + "|" + r.district()));
        this.stepsByDistrict = events.incidents.stream().collect(Collectors.groupingBy(s -> s.incident().district()));
    }

    Level level(IndicatorDefinition indicator, String district, Instant end) {
        OptionalDouble value = value(indicator, district, end);
        return value.isEmpty() ? Level.NORMAL : indicator.thresholdsFor(district, false).levelOf(value.getAsDouble());
    }

    OptionalDouble value(IndicatorDefinition indicator, String district, Instant end) {
        Instant start = end.minus(indicator.window().size());
        IndicatorSource source = indicator.source();
        return source.isMetric() ? metric(indicator, district, start, end) : incidents(indicator, district, start, end);
    }

    private OptionalDouble metric(IndicatorDefinition indicator, String district, Instant start, Instant end) {
        double[] values = readingsBySeries.getOrDefault(indicator.source().metric() + "|" + district, List.of())
                .stream().filter(r -> !r.observedAt().isBefore(start) && r.observedAt().isBefore(end))
                .mapToDouble(Reading::value).toArray();
        if (values.length == 0) return OptionalDouble.empty();
        double hours = Duration.between(start, end).toSeconds() / 3600.0;
        return switch (indicator.aggregation()) {
            case MEAN -> Arrays.stream(values).average();
            case MIN -> Arrays.stream(values).min();
            case MAX -> Arrays.stream(values).max();
            case SUM -> OptionalDouble.of(Arrays.stream(values).sum());
            case RATIO -> OptionalDouble.of(100.0 * Arrays.stream(values)
                    .filter(v -> indicator.source().within().contains(v)).count() / values.length);
            case RATE -> OptionalDouble.of((values[values.length - 1] - values[0]) / hours);
            default -> throw new IllegalArgumentException("probe cannot compute " + indicator.aggregation());
        };
    }

    private OptionalDouble incidents(IndicatorDefinition indicator, String district, Instant start, Instant end) {
        List<RecordingSink.Step> steps = stepsByDistrict.getOrDefault(district, List.of()).stream()
                .filter(s -> indicator.source().incidents().matches(s.incident()) && s.at().isBefore(end)).toList();
        double windowHours = Duration.between(start, end).toSeconds() / 3600.0;
        double unitMinutes = indicator.unit().equals("h") ? 60 : 1;
        return switch (indicator.source().measure()) {
            case NEW_PER_HOUR -> OptionalDouble.of(steps.stream().filter(s -> s.incident().status()
                    == IncidentStatus.REPORTED && !s.at().isBefore(start)).count() / windowHours);
            case BACKLOG -> {
                Map<String, Boolean> open = new HashMap<>();
                steps.forEach(s -> open.put(s.incident().id(), s.incident().status() != IncidentStatus.RESOLVED));
                yield OptionalDouble.of(open.values().stream().filter(b -> b).count());
            }
            case TIME_TO_DISPATCH, TIME_TO_RESOLVE -> {
                boolean dispatch = indicator.source().measure().name().equals("TIME_TO_DISPATCH");
                IncidentStatus step = dispatch ? IncidentStatus.DISPATCHED : IncidentStatus.RESOLVED;
                double[] minutes = steps.stream().filter(s -> s.incident().status() == step
                                && !s.at().isBefore(start))
                        .mapToDouble(s -> minutesSinceReport(s.incident(), dispatch) / unitMinutes).sorted().toArray();
                if (minutes.length == 0) yield OptionalDouble.empty();
                double q = switch (indicator.aggregation()) {
                    case P50 -> 0.5;
                    case P90 -> 0.9;
                    case P95 -> 0.95;
                    default -> throw new IllegalArgumentException("probe cannot compute " + indicator.aggregation());
                };
                yield OptionalDouble.of(minutes[(int) Math.min(minutes.length - 1, Math.floor(q * minutes.length))]);
            }
        };
    }

    private static double minutesSinceReport(Incident incident, boolean dispatch) {
        Instant to = dispatch ? incident.dispatchedAt() : incident.resolvedAt();
        return Duration.between(incident.reportedAt(), to).toSeconds() / 60.0;
    }
}
