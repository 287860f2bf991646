package org.cityvitals.dashboard.situation;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.catalogue.IndicatorSource;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.event.IncidentSource;
import org.cityvitals.indicators.metric.MetricRegistry;
import org.cityvitals.indicators.sensor.Sensor;
import org.cityvitals.indicators.sensor.SensorRegistry;
import org.cityvitals.store.situation.MaintenanceWindow;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Planned work and the alerts it explains. A window on a {@code sensor} explains the alerts of its district on the
 * indicators computed from the sensor's metric; on a {@code network} (water, power, …) of a district, the alerts of
 * that district on indicators computed from the network's metrics; on a {@code source} of incidents (12345, utility,
 * …) the alerts on indicators counting that source's incidents, in its district or, for a city's code, in every
 * district of the city. Only an alert whose condition began during the window is explained: one already open when
 * the work started is a real alarm. The windows are replaced whole, so any thread may ask.
 */
public final class Maintenance {

    /** What planned work is on; on the wire by its lower-case name. */
    public enum Kind { SENSOR, NETWORK, SOURCE }

    private final IndicatorCatalogue catalogue;
    private final SensorRegistry sensors;
    private final MetricRegistry metrics;
    private final Map<String, MaintenanceWindow> byId = new ConcurrentHashMap<>();

    public Maintenance(IndicatorCatalogue catalogue, SensorRegistry sensors, MetricRegistry metrics) {
        this.catalogue = catalogue;
        this.sensors = sensors;
        this.metrics = metrics;
    }

    /** Takes a window in; false when the same or a newer version is known already. */
    public boolean apply(MaintenanceWindow window) {
        MaintenanceWindow known = byId.merge(window.windowId(), window,
                (old, neu) -> neu.version() > old.version() ? neu : old);
        return known == window;
    }

    public Optional<MaintenanceWindow> find(String windowId) {
        return Optional.ofNullable(byId.get(windowId));
    }

    /** Every window known, by start. */
    public List<MaintenanceWindow> all() {
        return byId.values().stream().sorted(Comparator.comparing(MaintenanceWindow::from)
                .thenComparing(MaintenanceWindow::windowId)).toList();
    }

    /** The first window (by start) that explains an alert of {@code indicatorId} in {@code district} begun at {@code since}. */
    public Optional<MaintenanceWindow> explaining(String indicatorId, String district, Instant since) {
        Optional<IndicatorDefinition> indicator = catalogue.byId(indicatorId);
        if (indicator.isEmpty() || byId.isEmpty()) {
            return Optional.empty();
        }
        IndicatorSource source = indicator.get().source();
        return all().stream().filter(w -> w.covers(since) && explains(w, source, district)).findFirst();
    }

    private boolean explains(MaintenanceWindow w, IndicatorSource source, String district) {
        return switch (WireNames.parse(Kind.class, w.kind())) {
            case SENSOR -> source.isMetric() && w.area().equals(district) && sensors.lookup(w.target())
                    .map(s -> s.metric().equals(source.metric())).orElse(false);
            case NETWORK -> source.isMetric() && w.area().equals(district) && metrics.byId(source.metric())
                    .map(m -> m.network().equals(w.target())).orElse(false);
            case SOURCE -> source.isIncidents() && (w.area().equals(district)
                    || CityProfiles.ofArea(district).code().equals(w.area()))
                    && source.incidents().sources().stream().anyMatch(s -> s.jsonName().equals(w.target()));
        };
    }

    /**
     * The area a declaration covers: a sensor's own district; the district (or, for a source, a city's code) named
     * otherwise. @throws IllegalArgumentException saying what is wrong with the declaration
     */
    public String area(Kind kind, String target, String area) {
        switch (kind) {
            case SENSOR -> {
                Sensor sensor = sensors.lookup(target).orElseThrow(() -> new IllegalArgumentException(
                        "unknown sensor '" + target + "'"));
                if (area != null && !area.equals(sensor.district())) {
                    throw new IllegalArgumentException("sensor " + target + " is in district " + sensor.district()
                            + ", not " + area);
                }
                return sensor.district();
            }
            case NETWORK -> {
                if (!metrics.networks().contains(target)) {
                    throw new IllegalArgumentException("unknown network '" + target + "', expected one of "
                            + String.join(", ", metrics.networks()));
                }
                return district(area, false);
            }
            default -> {
                if (Arrays.stream(IncidentSource.values()).map(IncidentSource::jsonName).noneMatch(target::equals)) {
                    throw new IllegalArgumentException("unknown source '" + target + "', expected one of "
                            + String.join(", ", Arrays.stream(IncidentSource.values()).map(IncidentSource::jsonName)
                            .toList()));
                }
                return district(area, true);
            }
        }
    }

    private static String district(String area, boolean cityAllowed) {
        if (area == null || !CityProfiles.knows(area) || !cityAllowed && CityProfiles.isCityCode(area)) {
            throw new IllegalArgumentException("area must name a district" + (cityAllowed ? " or a city's code" : "")
                    + ", was " + area);
        }
        return area;
    }
}
