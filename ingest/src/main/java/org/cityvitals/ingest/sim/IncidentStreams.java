package org.cityvitals.ingest.sim;

import java.util.List;

import static org.cityvitals.indicators.event.IncidentSource.AMBULANCE_120;
import static org.cityvitals.indicators.event.IncidentSource.FIRE_119;
import static org.cityvitals.indicators.event.IncidentSource.HOTLINE_12345;
import static org.cityvitals.indicators.event.IncidentSource.POLICE_110;
import static org.cityvitals.indicators.event.IncidentSource.UTILITY_FAULT;

/**
 * The incident streams of an ordinary day per district, and the extra streams each scenario adds in its districts.
 * Rates and times keep every incident indicator of the catalogue (new per hour, backlog, time to dispatch and to
 * resolve) on the normal side of its blue threshold; scenario streams push the matching ones past orange or red.
 */
final class IncidentStreams {
    static final List<IncidentStream> NORMAL = List.of(
            // 12345 citizen hotline: about 25 cases per district and hour by day
            new IncidentStream(HOTLINE_12345, "noise", 4, 5, 0.3, 5, 25, 60, 420),
            new IncidentStream(HOTLINE_12345, "sanitation", 4, 5, 0.3, 5, 25, 60, 420),
            new IncidentStream(HOTLINE_12345, "traffic", 3, 3, 0.3, 5, 25, 60, 420),
            new IncidentStream(HOTLINE_12345, "housing", 4, 3, 0.3, 5, 25, 60, 420),
            new IncidentStream(HOTLINE_12345, "market_regulation", 4, 2, 0.3, 5, 25, 60, 420),
            new IncidentStream(HOTLINE_12345, "public_service", 4, 3, 0.3, 0, 0, 10, 120),
            new IncidentStream(HOTLINE_12345, "water_supply", 3, 0.1, 0.3, 5, 30, 60, 180),
            new IncidentStream(HOTLINE_12345, "road", 3, 0.15, 0.3, 5, 30, 60, 300),
            new IncidentStream(HOTLINE_12345, "streetlight", 4, 0.1, 0.3, 5, 30, 60, 300),
            new IncidentStream(HOTLINE_12345, "drainage", 3, 0.05, 0.3, 5, 30, 60, 300),
            new IncidentStream(HOTLINE_12345, "elevator", 2, 0.05, 0.3, 5, 20, 30, 180),
            // 110 police, 119 fire and rescue, 120 ambulance
            new IncidentStream(POLICE_110, "traffic_accident", 2, 3, 0.5, 1, 4, 8, 20),
            new IncidentStream(POLICE_110, "public_order", 2, 3, 0.5, 1, 4, 8, 20),
            new IncidentStream(POLICE_110, "theft", 3, 2, 0.5, 1, 4, 8, 20),
            new IncidentStream(POLICE_110, "dispute", 3, 2, 0.5, 1, 4, 8, 20),
            new IncidentStream(FIRE_119, "fire", 1, 0.3, 0.7, 0.3, 0.9, 30, 90),
            new IncidentStream(FIRE_119, "rescue", 2, 0.2, 0.7, 0.3, 0.9, 30, 90),
            new IncidentStream(FIRE_119, "gas", 1, 0.01, 0.7, 0.3, 0.9, 30, 90),
            new IncidentStream(AMBULANCE_120, "medical", 1, 8, 0.6, 0.5, 2.5, 30, 60),
            // faults reported by the water, power and gas operators and the road authority
            new IncidentStream(UTILITY_FAULT, "water_supply", 2, 0.1, 0.5, 10, 30, 60, 180),
            new IncidentStream(UTILITY_FAULT, "power", 2, 0.15, 0.5, 10, 30, 60, 240),
            new IncidentStream(UTILITY_FAULT, "gas", 1, 0.02, 0.5, 10, 30, 30, 90),
            new IncidentStream(UTILITY_FAULT, "road", 3, 0.1, 0.5, 10, 30, 60, 300),
            new IncidentStream(UTILITY_FAULT, "streetlight", 4, 0.1, 0.5, 10, 30, 60, 300),
            new IncidentStream(UTILITY_FAULT, "manhole", 3, 0.03, 0.5, 10, 30, 60, 300),
            new IncidentStream(UTILITY_FAULT, "drainage", 3, 0.03, 0.5, 10, 30, 60, 300));

    private IncidentStreams() {
    }

    /** Streams a scenario adds in each of its districts while it runs, at flat rates per hour. */
    static List<IncidentStream> extra(Scenario scenario) {
        return switch (scenario) {
            case RAINSTORM_FLOODING -> List.of(
                    byCategory(HOTLINE_12345, "drainage").withRate(40),
                    byCategory(UTILITY_FAULT, "drainage").withRate(10),
                    byCategory(POLICE_110, "traffic_accident").withRate(15));
            case POLLUTION_EPISODE -> List.of(
                    byCategory(AMBULANCE_120, "medical").withRate(15),
                    byCategory(HOTLINE_12345, "sanitation").withRate(20));
            case RUSH_HOUR_GRIDLOCK -> List.of(
                    byCategory(POLICE_110, "traffic_accident").withRate(100),
                    byCategory(HOTLINE_12345, "traffic").withRate(30));
            case WATER_MAIN_BURST -> List.of(
                    byCategory(UTILITY_FAULT, "water_supply").withRate(40),
                    byCategory(HOTLINE_12345, "water_supply").withRate(40));
            case POWER_OUTAGE -> List.of(
                    byCategory(UTILITY_FAULT, "power").withRate(60),
                    byCategory(UTILITY_FAULT, "streetlight").withRate(20),
                    byCategory(POLICE_110, "traffic_accident").withRate(10));
            // the hotline is swamped: four times its busiest rate, and operators fall hours behind on dispatch
            case HOTLINE_SURGE -> NORMAL.stream().filter(s -> s.source() == HOTLINE_12345 && s.dispatchMax() > 0)
                    .map(s -> s.withRate(s.perDistrictHour() * 14).withDispatch(250, 500)).toList();
        };
    }

    private static IncidentStream byCategory(org.cityvitals.indicators.event.IncidentSource source, String category) {
        return NORMAL.stream().filter(s -> s.source() == source && s.category().equals(category)).findFirst()
                .orElseThrow();
    }
}
