package org.cityvitals.indicators.metric;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cityvitals.indicators.yaml.YamlMap;
import org.cityvitals.indicators.yaml.YamlProblems;

/** The metrics sensors may report, with canonical units and plausible ranges, from {@value #RESOURCE}. */
public final class MetricRegistry {
    static final String RESOURCE = "catalogue/metrics.yaml";
    /**
     * The metric of any series brought by its owner (replay {@code --dataset timeseries}): dimensionless, no plausible
     * range. No city is equipped with generic sensors; a replay registers the ones it creates.
     */
    public static final String GENERIC = "generic";
    private static final Set<String> FIELDS = Set.of("network", "id", "zh", "en", "unit", "min", "max");

    private static final MetricRegistry DEFAULT = loadShipped();

    private final Map<String, Metric> byId = new LinkedHashMap<>();

    private MetricRegistry(List<Metric> metrics) {
        metrics.forEach(m -> byId.put(m.id(), m));
    }

    public static MetricRegistry loadDefault() {
        return DEFAULT;
    }

    public List<Metric> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Metric> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The sensor networks the metrics belong to, in file order. */
    public List<String> networks() {
        return byId.values().stream().map(Metric::network).distinct().toList();
    }

    private static MetricRegistry loadShipped() {
        try (InputStream in = Objects.requireNonNull(
                MetricRegistry.class.getClassLoader().getResourceAsStream(RESOURCE), RESOURCE);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            YamlProblems problems = new YamlProblems(RESOURCE);
            List<Metric> metrics = read(reader, problems);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("shipped " + RESOURCE + " is invalid:\n"
                        + String.join("\n", problems.list()));
            }
            return new MetricRegistry(metrics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Metric> read(Reader reader, YamlProblems problems) {
        List<Metric> metrics = new ArrayList<>();
        YamlMap root = YamlMap.parse(reader, problems);
        if (root == null) {
            return metrics;
        }
        root.allowOnly(Set.of("metrics"));
        Set<String> ids = new HashSet<>();
        for (YamlMap m : root.maps("metrics", true, "a metric", FIELDS)) {
            String network = m.string("network", true);
            String id = m.string("id", true);
            String zh = m.string("zh", true);
            String en = m.string("en", true);
            String unit = m.string("unit", true);
            // a metric without a plausible range (a user's generic series) takes any finite value
            Double min = m.has("min") ? m.number("min", true) : Double.valueOf(-Double.MAX_VALUE);
            Double max = m.has("max") ? m.number("max", true) : Double.valueOf(Double.MAX_VALUE);
            if (id != null && !ids.add(id)) {
                problems.add(m.node(), "duplicate metric id '" + id + "'");
            }
            if (min != null && max != null && min >= max) {
                problems.add(m.node(), "min must be below max");
            }
            if (problems.isEmpty()) {
                metrics.add(new Metric(network, id, zh, en, unit, min, max));
            }
        }
        return metrics;
    }
}
