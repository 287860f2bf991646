package org.cityvitals.indicators.catalogue;

import org.cityvitals.indicators.WireNames;
import java.io.Reader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cityvitals.indicators.NumberText;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.city.District;
import org.cityvitals.indicators.event.IncidentSource;
import org.cityvitals.indicators.level.Direction;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.level.Thresholds;
import org.cityvitals.indicators.metric.Metric;
import org.cityvitals.indicators.metric.MetricRegistry;
import org.cityvitals.indicators.yaml.YamlMap;
import org.cityvitals.indicators.yaml.YamlProblems;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the catalogue YAML and checks every rule, collecting all problems as {@code file:line: problem} rather
 * than stopping at the first. The format is described in indicators/README.md.
 */
final class CatalogueLoader {
    private static final Set<String> FIELDS = Set.of("id", "name", "domain", "unit", "source", "aggregation",
            "window", "direction", "levels", "hysteresis", "for", "weight", "standard", "overrides");
    private static final Set<String> SOURCE_FIELDS = Set.of("metric", "within", "incidents", "categories", "measure");
    private static final Set<String> LEVEL_FIELDS = Set.of("blue", "yellow", "orange", "red");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+");
    private static final double MAX_WEIGHT = 10;
    private static final Set<Aggregation> DURATION_AGGREGATIONS = EnumSet.of(
            Aggregation.MEAN, Aggregation.MIN, Aggregation.MAX, Aggregation.P50, Aggregation.P90, Aggregation.P95);
    private static final Set<String> DURATION_UNITS = Set.of("min", "h");

    private final YamlProblems problems;
    private final MetricRegistry metrics = MetricRegistry.loadDefault();
    private final Set<String> districtCodes = CityProfiles.all().stream()
            .flatMap(p -> p.districts().stream()).map(District::code).collect(Collectors.toSet());
    private final Map<String, Integer> lineOfId = new HashMap<>();

    private CatalogueLoader(String file) {
        this.problems = new YamlProblems(file);
    }

    static LoadResult load(Reader reader, String file) {
        return new CatalogueLoader(file).load(reader);
    }

    private LoadResult load(Reader reader) {
        List<IndicatorDefinition> definitions = new ArrayList<>();
        YamlMap root = YamlMap.parse(reader, problems);
        if (root != null) {
            root.allowOnly(Set.of("indicators"));
            List<Node> items = root.list("indicators", true);
            if (items.isEmpty() && root.has("indicators")) {
                problems.add(root.value("indicators", true), "the catalogue has no indicators");
            }
            for (Node item : items) {
                YamlMap indicator = YamlMap.of(item, "an indicator", problems);
                IndicatorDefinition definition = indicator == null ? null : indicator(indicator);
                if (definition != null) {
                    definitions.add(definition);
                }
            }
        }
        return problems.isEmpty() ? new LoadResult(new IndicatorCatalogue(definitions), List.of())
                : new LoadResult(null, problems.list());
    }

    /** The definition, or null when anything about it is wrong (the problems are recorded). */
    private IndicatorDefinition indicator(YamlMap m) {
        int problemsBefore = problems.list().size();
        m.allowOnly(FIELDS);
        String id = id(m);
        YamlMap name = m.map("name", true);
        String nameZh = name == null ? null : name.string("zh", true);
        String nameEn = name == null ? null : name.string("en", true);
        if (name != null) {
            name.allowOnly(Set.of("zh", "en"));
        }
        Domain domain = m.enumValue("domain", Domain.class, true);
        String unit = m.string("unit", true);
        IndicatorSource source = source(m.map("source", true));
        Aggregation aggregation = m.enumValue("aggregation", Aggregation.class, true);
        Window window = window(m.map("window", true));
        Direction direction = m.enumValue("direction", Direction.class, true);
        Double hysteresis = nonNegative(m, "hysteresis");
        Thresholds thresholds = thresholds(m.map("levels", true), direction, hysteresis);
        Duration forDuration = m.duration("for", true);
        Double weight = weight(m);
        String standard = m.string("standard", false);
        Map<String, Thresholds> overrides = overrides(m, direction, hysteresis);
        if (source != null && aggregation != null) {
            checkAggregationFitsSource(m, source, aggregation);
            if (unit != null) {
                checkUnit(m, source, aggregation, unit);
            }
        }
        if (problems.list().size() > problemsBefore) {
            return null;
        }
        return new IndicatorDefinition(id, nameZh, nameEn, domain, unit, source, aggregation, window, thresholds,
                overrides, hysteresis, forDuration, weight, standard);
    }

    private String id(YamlMap m) {
        String id = m.string("id", true);
        if (id == null) {
            return null;
        }
        Node node = m.value("id", true);
        int line = node.getStartMark().getLine() + 1;
        if (!ID.matcher(id).matches()) {
            problems.add(node, "id '" + id + "' must be lower-case words joined by dots, like air.pm25");
        } else if (lineOfId.putIfAbsent(id, line) != null) {
            problems.add(node, "duplicate id '" + id + "' (first defined on line " + lineOfId.get(id) + ")");
        }
        return id;
    }

    private IndicatorSource source(YamlMap s) {
        if (s == null) {
            return null;
        }
        s.allowOnly(SOURCE_FIELDS);
        boolean metric = s.has("metric");
        boolean incidents = s.has("incidents");
        if (metric == incidents) {
            problems.add(s.node(), "source must name either a metric or incidents, not "
                    + (metric ? "both" : "neither"));
            return null;
        }
        return metric ? metricSource(s) : incidentSource(s);
    }

    private IndicatorSource metricSource(YamlMap s) {
        for (String incidentField : List.of("categories", "measure")) {
            if (s.has(incidentField)) {
                problems.add(s.keyNode(incidentField), "source." + incidentField + " is only used with incidents");
            }
        }
        String id = s.string("metric", true);
        if (id != null && metrics.byId(id).isEmpty()) {
            problems.add(s.value("metric", true), "unknown metric '" + id + "'");
            return null;
        }
        Range within = null;
        if (s.has("within")) {
            YamlMap w = s.map("within", false);
            if (w == null) {
                return null;
            }
            w.allowOnly(Set.of("min", "max"));
            within = new Range(w.number("min", false), w.number("max", false));
            if (within.min() == null && within.max() == null) {
                problems.add(w.node(), "source.within needs min, max or both");
            }
        }
        return id == null ? null : IndicatorSource.ofMetric(id, within);
    }

    private IndicatorSource incidentSource(YamlMap s) {
        if (s.has("within")) {
            problems.add(s.keyNode("within"), "source.within is only used with a metric");
        }
        Set<IncidentSource> sources = EnumSet.noneOf(IncidentSource.class);
        List<Node> items = s.list("incidents", true);
        for (Node item : items) {
            String name = item instanceof ScalarNode scalar ? scalar.getValue() : null;
            IncidentSource match = name == null ? null : incidentSourceNamed(name);
            if (match == null) {
                problems.add(item, "unknown incident source '" + name + "', expected one of "
                        + incidentSourceNames());
            } else {
                sources.add(match);
            }
        }
        if (items.isEmpty() && s.value("incidents", false) instanceof SequenceNode) {
            problems.add(s.value("incidents", true), "source.incidents needs at least one incident source");
        }
        Set<String> categories = new LinkedHashSet<>(s.strings("categories", false));
        IncidentMeasure measure = s.enumValue("measure", IncidentMeasure.class, true);
        return sources.isEmpty() || measure == null ? null
                : IndicatorSource.ofIncidents(new IncidentFilter(sources, categories), measure);
    }

    private static IncidentSource incidentSourceNamed(String name) {
        for (IncidentSource source : IncidentSource.values()) {
            if (source.jsonName().equals(name)) {
                return source;
            }
        }
        return null;
    }

    private static String incidentSourceNames() {
        return String.join(", ", EnumSet.allOf(IncidentSource.class).stream().map(IncidentSource::jsonName).toList());
    }

    private Window window(YamlMap w) {
        if (w == null) {
            return null;
        }
        w.allowOnly(Set.of("size", "slide"));
        Duration size = w.duration("size", true);
        Duration slide = w.duration("slide", true);
        if (size == null || slide == null) {
            return null;
        }
        String problem = Window.problem(size, slide);
        if (problem != null) {
            problems.add(w.node(), problem);
            return null;
        }
        return new Window(size, slide);
    }

    private Thresholds thresholds(YamlMap levels, Direction direction, Double hysteresis) {
        if (levels == null) {
            return null;
        }
        levels.allowOnly(LEVEL_FIELDS);
        Double blue = levels.number("blue", false);
        Double yellow = levels.number("yellow", false);
        Double orange = levels.number("orange", false);
        Double red = levels.number("red", false);
        if (direction == null) {
            return null;
        }
        String problem = Thresholds.problem(direction, blue, yellow, orange, red);
        if (problem != null) {
            problems.add(levels.node(), problem);
            return null;
        }
        Thresholds thresholds = new Thresholds(direction, blue, yellow, orange, red);
        checkHysteresisBelowGaps(levels, thresholds, hysteresis);
        return thresholds;
    }

    /** A hysteresis as wide as a gap would hold a level through the whole level below it. */
    private void checkHysteresisBelowGaps(YamlMap levels, Thresholds thresholds, Double hysteresis) {
        List<Level> used = thresholds.levelsInUse();
        for (int i = 1; hysteresis != null && i < used.size(); i++) {
            double gap = Math.abs(thresholds.threshold(used.get(i)) - thresholds.threshold(used.get(i - 1)));
            if (hysteresis >= gap) {
                problems.add(levels.node(), "hysteresis " + NumberText.of(hysteresis)
                        + " is not smaller than the gap between " + used.get(i - 1).en() + " and "
                        + used.get(i).en() + " (" + NumberText.of(gap) + ")");
                return;
            }
        }
    }

    private Map<String, Thresholds> overrides(YamlMap m, Direction direction, Double hysteresis) {
        Map<String, Thresholds> overrides = new LinkedHashMap<>();
        YamlMap map = m.has("overrides") ? m.map("overrides", false) : null;
        if (map == null) {
            return overrides;
        }
        for (String district : map.keys()) {
            if (!districtCodes.contains(district)) {
                problems.add(map.keyNode(district), "unknown district '" + district + "' in overrides");
                continue;
            }
            YamlMap levels = map.map(district, true);
            Thresholds thresholds = thresholds(levels, direction, hysteresis);
            if (thresholds != null) {
                overrides.put(district, thresholds);
            }
        }
        return overrides;
    }

    private Double nonNegative(YamlMap m, String key) {
        Double value = m.number(key, true);
        if (value != null && value < 0) {
            problems.add(m.value(key, true), key + " must not be negative");
            return null;
        }
        return value;
    }

    private Double weight(YamlMap m) {
        Double weight = m.number("weight", true);
        if (weight != null && (weight <= 0 || weight > MAX_WEIGHT)) {
            problems.add(m.value("weight", true), "weight must be above 0 and at most " + NumberText.of(MAX_WEIGHT));
            return null;
        }
        return weight;
    }

    private void checkAggregationFitsSource(YamlMap m, IndicatorSource source, Aggregation aggregation) {
        Node at = m.value("aggregation", true);
        String name = WireNames.of(aggregation);
        if (source.isMetric()) {
            if (aggregation == Aggregation.RATIO && source.within() == null) {
                problems.add(at, "aggregation ratio needs source.within, the range that counts as in limits");
            } else if (aggregation != Aggregation.RATIO && source.within() != null) {
                problems.add(at, "source.within is only used with aggregation ratio, not " + name);
            }
            return;
        }
        IncidentMeasure measure = source.measure();
        Set<Aggregation> fitting = measure.isDuration() ? DURATION_AGGREGATIONS : EnumSet.of(Aggregation.COUNT);
        if (!fitting.contains(aggregation)) {
            problems.add(at, "aggregation " + name + " does not fit measure " + WireNames.of(measure) + " (use "
                    + fitting.stream().map(WireNames::of).collect(Collectors.joining(", ")) + ")");
        }
    }

    private void checkUnit(YamlMap m, IndicatorSource source, Aggregation aggregation, String unit) {
        String expected = null;
        if (source.isMetric()) {
            Metric metric = metrics.byId(source.metric()).orElseThrow();
            if (aggregation.keepsUnit()) {
                expected = metric.unit();
            } else if (aggregation == Aggregation.RATE) {
                expected = metric.unit() + "/h";
            } else if (aggregation == Aggregation.RATIO) {
                expected = "%";
            }
            if (expected != null && !expected.equals(unit)) {
                problems.add(m.value("unit", true), "unit '" + unit + "' does not match " + WireNames.of(aggregation)
                        + " of metric " + metric.id() + " (expected '" + expected + "')");
            }
        } else if (source.measure().isDuration() && !DURATION_UNITS.contains(unit)) {
            problems.add(m.value("unit", true), "unit '" + unit + "' of a duration must be min or h");
        }
    }

}
