package org.cityvitals.dashboard.http;

import org.cityvitals.indicators.WireNames;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cityvitals.indicators.access.AccessScope;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.city.District;
import org.cityvitals.indicators.level.Level;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cities, their districts and boundaries, and the indicator catalogue, shaped for the pages. Every city profile
 * is a tenant: what a caller gets is cut to the cities and districts of their scope. Read once at start.
 */
final class ReferenceData {

    private final IndicatorCatalogue catalogue;
    private final JsonObject indicators;
    private final Map<String, Buffer> boundaries = new HashMap<>();

    ReferenceData(IndicatorCatalogue catalogue) {
        this.catalogue = catalogue;
        this.indicators = new JsonObject()
                .put("indicators", new JsonArray(catalogue.all().stream().map(ReferenceData::indicator).toList()))
                .put("levels", new JsonArray(Arrays.stream(Level.values()).map(ReferenceData::level).toList()));
        for (CityProfile city : CityProfiles.all()) {
            if (city.boundaryResource() != null) {
                boundaries.put(city.id(), readResource(city.boundaryResource()));
            }
        }
    }

    boolean knowsIndicator(String id) {
        return catalogue.byId(id).isPresent();
    }

    /**
     * The caller's cities, each with the districts the scope allows and whether the city-wide series is in scope;
     * the first city is also given at the top level ({@code city}, {@code cityWide}, {@code districts}), as a page
     * showing one city reads it.
     */
    JsonObject districts(AccessScope scope) {
        List<JsonObject> cities = cities(scope).stream().map(city -> new JsonObject()
                .put("city", new JsonObject().put("id", city.id()).put("code", city.code())
                        .put("nameZh", city.nameZh()).put("nameEn", city.nameEn()).put("zone", city.zone().getId()))
                .put("cityWide", scope.coversCity(city))
                .put("districts", new JsonArray(city.districts().stream()
                        .filter(d -> scope.allows(d.code())).map(ReferenceData::district).toList()))).toList();
        return cities.get(0).copy().put("cities", new JsonArray(cities));
    }

    /** The caller's cities in profile order. */
    static List<CityProfile> cities(AccessScope scope) {
        return CityProfiles.all().stream().filter(c -> scope.cityIds().contains(c.id())).toList();
    }

    JsonObject indicators() {
        return indicators;
    }

    /** The district boundary GeoJSON of a city, when its profile ships one. */
    Optional<Buffer> boundaries(String cityId) {
        return Optional.ofNullable(boundaries.get(cityId));
    }

    private static JsonObject district(District d) {
        return new JsonObject().put("code", d.code()).put("nameZh", d.nameZh()).put("nameEn", d.nameEn());
    }

    private static JsonObject indicator(IndicatorDefinition d) {
        JsonObject thresholds = new JsonObject();
        // indicators without a level rule (data quality, custom series) have no thresholds to draw
        if (d.thresholds() != null) {
            d.thresholds().levelsInUse().forEach(l -> thresholds.put(WireNames.of(l), d.thresholds().threshold(l)));
        }
        return new JsonObject().put("id", d.id()).put("nameZh", d.nameZh()).put("nameEn", d.nameEn())
                .put("unit", d.unit()).put("domain", WireNames.of(d.domain()))
                .put("domainZh", d.domain().zh()).put("domainEn", d.domain().en())
                .put("direction", WireNames.of(d.direction())).put("thresholds", thresholds)
                .put("audience", WireNames.of(d.audience()))
                .put("cityWall", d.domain().onCityWall())
                .put("windowSeconds", d.window().size().toSeconds());
    }

    private static JsonObject level(Level l) {
        return new JsonObject().put("id", WireNames.of(l)).put("zh", l.zh()).put("en", l.en())
                .put("severity", l.severity());
    }

    private static Buffer readResource(String path) {
        try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("boundary resource " + path + " is not on the classpath");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
