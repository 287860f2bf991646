package org.cityvitals.dashboard.http;

import org.cityvitals.indicators.WireNames;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cityvitals.dashboard.auth.Scope;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.city.District;
import org.cityvitals.indicators.level.Level;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;

/** The city, its districts, boundaries and the indicator catalogue, shaped for the pages. Read once at start. */
final class ReferenceData {

    private final CityProfile city;
    private final IndicatorCatalogue catalogue;
    private final JsonObject indicators;
    private final Buffer boundaries;

    ReferenceData(CityProfile city, IndicatorCatalogue catalogue) {
        this.city = city;
        this.catalogue = catalogue;
        this.indicators = new JsonObject()
                .put("indicators", new JsonArray(catalogue.all().stream().map(ReferenceData::indicator).toList()))
                .put("levels", new JsonArray(Arrays.stream(Level.values()).map(ReferenceData::level).toList()));
        this.boundaries = city.boundaryResource() == null ? null : readResource(city.boundaryResource());
    }

    boolean knowsIndicator(String id) {
        return catalogue.byId(id).isPresent();
    }

    /** The city and the districts the scope allows; the city-wide pseudo-district only for a full scope. */
    JsonObject districts(Scope scope) {
        return new JsonObject()
                .put("city", new JsonObject().put("id", city.id()).put("code", city.code()).put("nameZh", city.nameZh())
                        .put("nameEn", city.nameEn()).put("zone", city.zone().getId()))
                .put("cityWide", scope.everything())
                .put("districts", new JsonArray(city.districts().stream()
                        .filter(d -> scope.allows(d.code())).map(ReferenceData::district).toList()));
    }

    JsonObject indicators() {
        return indicators;
    }

    /** The district boundary GeoJSON, when the city profile ships one. */
    Optional<Buffer> boundaries() {
        return Optional.ofNullable(boundaries);
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
