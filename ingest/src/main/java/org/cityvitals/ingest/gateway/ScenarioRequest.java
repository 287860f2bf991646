package org.cityvitals.ingest.gateway;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cityvitals.ingest.sim.Scenario;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code {"scenario": "rainstorm_flooding", "districts": ["310101"], "minutes": 30}}, checked field by field. */
record ScenarioRequest(Scenario scenario, Set<String> districts, Duration duration) {

    static ScenarioRequest parse(String body) {
        JsonObject json;
        try {
            json = new JsonObject(body == null ? "" : body);
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalArgumentException("body must be a JSON object: " + e.getMessage());
        }
        String code = json.getValue("scenario") instanceof String s ? s : null;
        Scenario scenario = Scenario.fromCode(code == null ? "" : code).orElseThrow(() -> new IllegalArgumentException(
                "scenario: '" + code + "' is unknown, expected one of " + Arrays.stream(Scenario.values())
                        .map(Scenario::code).collect(Collectors.joining(", "))));
        if (!(json.getValue("districts") instanceof JsonArray list) || list.isEmpty()
                || !list.stream().allMatch(d -> d instanceof String)) {
            throw new IllegalArgumentException("districts: must be a non-empty array of district codes");
        }
        Set<String> districts = new LinkedHashSet<>();
        list.forEach(d -> districts.add((String) d));
        if (!(json.getValue("minutes") instanceof Number minutes) || !(minutes.doubleValue() > 0)
                || minutes.doubleValue() > 24 * 60) {
            throw new IllegalArgumentException("minutes: must be a number above 0 and at most 1440");
        }
        return new ScenarioRequest(scenario, districts, Duration.ofSeconds(Math.round(minutes.doubleValue() * 60)));
    }
}
