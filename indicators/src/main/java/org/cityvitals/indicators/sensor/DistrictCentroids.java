package org.cityvitals.indicators.sensor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cityvitals.indicators.city.CityProfile;

/**
 * The centroid of each district in a city's boundary GeoJSON (property {@code code}): of its largest polygon, holes
 * subtracted, since the centroid of an island group (Chongming, Pudong with its islets) may fall into the water.
 * Coordinates are treated as planar: at the size of a district the error is far below a sensor's placement
 * tolerance.
 */
final class DistrictCentroids {
    /** Where a generated sensor stands. */
    record Point(double lat, double lon) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private DistrictCentroids() {
    }

    /** District code → centroid; empty when the city ships no boundary file. */
    static Map<String, Point> of(CityProfile city) {
        if (city.boundaryResource() == null) {
            return Map.of();
        }
        try (InputStream in = Objects.requireNonNull(DistrictCentroids.class.getClassLoader()
                .getResourceAsStream(city.boundaryResource()), city.boundaryResource())) {
            Map<String, Point> centroids = new HashMap<>();
            for (JsonNode feature : JSON.readTree(in).path("features")) {
                JsonNode geometry = feature.path("geometry");
                JsonNode coordinates = geometry.path("coordinates");
                Moments largest = new Moments();
                for (JsonNode polygon : geometry.path("type").asText().equals("Polygon") ? List.of(coordinates)
                        : coordinates) {
                    Moments moments = new Moments();
                    moments.addPolygon(polygon);
                    if (moments.area > largest.area) largest = moments;
                }
                centroids.put(feature.path("properties").path("code").asText(), largest.centroid());
            }
            return centroids;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + city.boundaryResource(), e);
        }
    }

    /** Area and first moments of one polygon's rings (shoelace formula). */
    private static final class Moments {
        private double area;
        private double lonMoment;
        private double latMoment;

        /** The first ring is the outline, any further ones are holes, whatever their winding order. */
        void addPolygon(JsonNode rings) {
            for (int i = 0; i < rings.size(); i++) {
                addRing(rings.get(i), i == 0 ? 1 : -1);
            }
        }

        private void addRing(JsonNode ring, int sign) {
            double a = 0;
            double cx = 0;
            double cy = 0;
            for (int i = 0; i + 1 < ring.size(); i++) {
                double x0 = ring.get(i).get(0).asDouble();
                double y0 = ring.get(i).get(1).asDouble();
                double x1 = ring.get(i + 1).get(0).asDouble();
                double y1 = ring.get(i + 1).get(1).asDouble();
                double cross = x0 * y1 - x1 * y0;
                a += cross;
                cx += (x0 + x1) * cross;
                cy += (y0 + y1) * cross;
            }
            double orientation = Math.signum(a) * sign; // |a| added for an outline, subtracted for a hole
            area += orientation * a / 2;
            lonMoment += orientation * cx / 6;
            latMoment += orientation * cy / 6;
        }

        Point centroid() {
            return new Point(latMoment / area, lonMoment / area);
        }
    }
}
