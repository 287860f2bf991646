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
            "window", "direction", "levels", "hysteresis", "for", "weight", "standard", "overrides", "city",
            "when_silent", "instant", "rules", "anomaly_floor");
    private static final Set<String> SOURCE_FIELDS = Set.of("metric", "within", "incidents", "categories", "measure",
            "network", "quality", "situations", "hazard");
    private static final Set<String> LEVEL_FIELDS = Set.of("blue", "yellow", "orange", "red");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+");
    private static final Pattern HAZARD = Pattern.compile("[a-z][a-z0-9_]*");
    private static final double MAX_WEIGHT = 10;
    private static final Set<Aggregation> DURATION_AGGREGATIONS = EnumSet.of(
            Aggregation.MEAN, Aggregation.MIN, Aggregation.MAX, Aggregation.P50, Aggregation.P90, Aggregation.P95);

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
        Set<AlertRule> rules = rules(m);
        boolean instant = m.flag("instant");
        // an indicator watched only for anomalies (a generic series) has no levels
        boolean leveled = rules.contains(AlertRule.LEVEL) || instant || m.has("levels");
        Thresholds thresholds = leveled ? thresholds(m.map("levels", true), direction, hysteresis) : null;
        if (direction == Direction.EITHER && leveled) {
            problems.add(m.value("direction", true), "direction either is only for indicators without levels");
        }
        Duration forDuration = m.duration("for", true);
        Double weight = weight(m, domain, leveled);
        String standard = m.string("standard", false);
        Map<String, Thresholds> overrides = overrides(m, direction, hysteresis);
        if (source != null && aggregation != null) {
            checkAggregationFitsSource(m, source, aggregation);
            if (unit != null) {
                checkUnit(m, source, aggregation, unit);
            }
        }
        if (source != null && domain != null && source.isQuality() != domain.platform()) {
            problems.add(m.value("domain", true), "domain " + WireNames.of(Domain.DATA_QUALITY)
                    + " is for sources of kind network/quality, and only they belong to it");
        }
        if (source != null && domain != null && source.isSituations() != (domain == Domain.OPERATIONS_CENTRE)) {
            problems.add(m.value("domain", true), "domain " + WireNames.of(Domain.OPERATIONS_CENTRE)
                    + " is for sources of kind situations, and only they belong to it");
        }
        if (source != null && source.isSituations()) {
            checkResponseTime(m, aggregation, window, rules, instant);
        }
        CitySeries city = city(m, direction, hysteresis, thresholds);
        if (source != null && source.isSituations() && city != null && city.aggregation() != CityAggregation.POOLED
                && city.aggregation() != CityAggregation.NONE) {
            problems.add(m.value("city", true), "the city value of a response time is the mean over all the city's "
                    + "situations: city pooled (or none)");
        }
        WhenSilent whenSilent = whenSilent(m, source, aggregation);
        if (instant && source != null && aggregation != null && direction != null) {
            checkInstant(m, source, aggregation, direction, rules);
        }
        Double anomalyFloor = anomalyFloor(m, rules, hysteresis);
        if (problems.list().size() > problemsBefore) {
            return null;
        }
        return new IndicatorDefinition(id, nameZh, nameEn, domain, unit, source, aggregation, window, direction,
                thresholds, overrides, hysteresis, forDuration, weight, standard, city, whenSilent, instant, rules,
                anomalyFloor);
    }

    /**
     * {@code city: pooled} or {@code city: {aggregation: sum_of_districts, levels: {…}}}. The city series takes the
     * indicator's thresholds unless it gives its own; a sum of districts is on another scale and has levels only
     * when it gives them.
     */
    private CitySeries city(YamlMap m, Direction direction, Double hysteresis, Thresholds defaults) {
        Node node = m.value("city", true);
        if (node == null) {
            return null;
        }
        CityAggregation how;
        Thresholds own = null;
        if (node instanceof ScalarNode) {
            how = m.enumValue("city", CityAggregation.class, true);
        } else {
            YamlMap city = m.map("city", true);
            if (city == null) {
                return null;
            }
            city.allowOnly(Set.of("aggregation", "levels"));
            how = city.enumValue("aggregation", CityAggregation.class, true);
            own = city.has("levels") ? thresholds(city.map("levels", true), direction, hysteresis) : null;
            if (how == CityAggregation.NONE && city.has("levels")) {
                problems.add(city.keyNode("levels"), "city levels are given but the city value is not computed");
            }
        }
        if (how == null) {
            return null;
        }
        boolean ownScale = how == CityAggregation.SUM_OF_DISTRICTS || how == CityAggregation.NONE;
        return new CitySeries(how, own != null || ownScale ? own : defaults);
    }

    /** {@code when_silent}: required, and it must fit what a silent window means for the source. */
    private WhenSilent whenSilent(YamlMap m, IndicatorSource source, Aggregation aggregation) {
        WhenSilent silent = m.enumValue("when_silent", WhenSilent.class, true);
        if (silent == null || source == null || aggregation == null) {
            return silent;
        }
        String problem = switch (silent) {
            case ZERO -> aggregation == Aggregation.COUNT ? null
                    : "when_silent zero is for counts (aggregation count), not " + WireNames.of(aggregation);
            case NOTHING -> source.isIncidents() && source.measure().isDuration() || source.isSituations() ? null
                    : "when_silent nothing is for durations, which have no value when no case or situation moved";
            case NO_DATA -> source.isMetric() || source.isQuality() && aggregation != Aggregation.COUNT ? null
                    : "when_silent no_data is for sensor readings; a count reads 0 when nothing happened";
        };
        if (problem != null) {
            problems.add(m.value("when_silent", true), problem);
        }
        return silent;
    }

    /** {@code rules: [level, rate_of_change, anomaly]}; all three when absent. */
    private Set<AlertRule> rules(YamlMap m) {
        if (!m.has("rules")) {
            return EnumSet.allOf(AlertRule.class);
        }
        Set<AlertRule> rules = EnumSet.noneOf(AlertRule.class);
        for (Node item : m.list("rules", true)) {
            AlertRule rule = m.enumValue(item, "rule", AlertRule.class);
            if (rule != null && !rules.add(rule)) {
                problems.add(item, "rule " + WireNames.of(rule) + " is listed twice");
            }
        }
        return rules;
    }

    /**
     * An instant rule judges single readings, so the window's aggregation must keep the worst reading: max when
     * higher is worse, min when lower is worse; then the windowed level rule never reads a reading's level lower than
     * the instant rule did, and one cause keeps one alert.
     */
    private void checkInstant(YamlMap m, IndicatorSource source, Aggregation aggregation, Direction direction,
                              Set<AlertRule> rules) {
        Aggregation worst = direction == Direction.HIGHER_IS_WORSE ? Aggregation.MAX : Aggregation.MIN;
        if (!source.isMetric() || aggregation != worst || !rules.contains(AlertRule.LEVEL)) {
            problems.add(m.value("instant", true), "instant needs a metric source, aggregation "
                    + WireNames.of(worst) + " (" + WireNames.of(direction) + ") and the level rule");
        }
    }

    /** The anomaly rule's smallest deviation scale: {@code anomaly_floor}, or the hysteresis when not given. */
    private Double anomalyFloor(YamlMap m, Set<AlertRule> rules, Double hysteresis) {
        if (!m.has("anomaly_floor")) {
            if (rules.contains(AlertRule.ANOMALY) && hysteresis != null && hysteresis == 0) {
                problems.add(m.node(), "the anomaly rule needs anomaly_floor (or a positive hysteresis to use)");
            }
            return hysteresis == null ? 0.0 : hysteresis;
        }
        Double floor = m.number("anomaly_floor", true);
        if (floor != null && floor <= 0) {
            problems.add(m.value("anomaly_floor", true), "anomaly_floor must be above 0");
        }
        if (!rules.contains(AlertRule.ANOMALY)) {
            problems.add(m.keyNode("anomaly_floor"), "anomaly_floor is given but the anomaly rule does not run");
        }
        return floor;
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
        boolean network = s.has("network");
        boolean situations = s.has("situations");
        int kinds = (metric ? 1 : 0) + (incidents ? 1 : 0) + (network ? 1 : 0) + (situations ? 1 : 0);
        if (kinds != 1) {
            problems.add(s.node(), "source must name exactly one of a metric, incidents, a network or situations, not "
                    + (kinds == 0 ? "none" : kinds));
            return null;
        }
        if (!situations && s.has("hazard")) {
            problems.add(s.keyNode("hazard"), "source.hazard is only used with situations");
        }
        if (situations) {
            return situationSource(s);
        }
        if (network) {
            return qualitySource(s);
        }
        return metric ? metricSource(s) : incidentSource(s);
    }

    private IndicatorSource qualitySource(YamlMap s) {
        for (String other : List.of("within", "categories", "measure")) {
            if (s.has(other)) {
                problems.add(s.keyNode(other), "source." + other + " is not used with a network");
            }
        }
        String network = s.string("network", true);
        if (network != null && !metrics.networks().contains(network)) {
            problems.add(s.value("network", true), "unknown network '" + network + "', expected one of "
                    + String.join(", ", metrics.networks()));
            return null;
        }
        QualityMeasure quality = s.enumValue("quality", QualityMeasure.class, true);
        return network == null || quality == null ? null : IndicatorSource.ofQuality(network, quality);
    }

    /**
     * {@code {situations: acknowledge, hazard: rainstorm}}: minutes to one response step. The hazard is a hazard id
     * of the situation rules, which may be replaced by a file of the city's own: a hazard those rules lack leaves
     * its series empty (the shipped pair is checked by SituationRulesTest).
     */
    private IndicatorSource situationSource(YamlMap s) {
        for (String other : List.of("within", "categories", "measure", "quality")) {
            if (s.has(other)) {
                problems.add(s.keyNode(other), "source." + other + " is not used with situations");
            }
        }
        ResponseStep step = s.enumValue("situations", ResponseStep.class, true);
        String hazard = s.string("hazard", false);
        if (hazard != null && !HAZARD.matcher(hazard).matches()) {
            problems.add(s.value("hazard", true), "source.hazard '" + hazard + "' must be a hazard id of the "
                    + "situation rules, a lower-case name like rainstorm");
        }
        return step == null ? null : IndicatorSource.ofSituations(step, hazard);
    }

    /**
     * The dashboard server computes response times as the mean over tumbling windows and judges them by level only:
     * no alert rule runs on them (nothing in the Flink job sees them), so none but {@code level} may be asked for.
     */
    private void checkResponseTime(YamlMap m, Aggregation aggregation, Window window, Set<AlertRule> rules,
                                   boolean instant) {
        if (aggregation != null && aggregation != Aggregation.MEAN) {
            problems.add(m.value("aggregation", true), "a response time is the mean of the window's situations: "
                    + "aggregation mean, not " + WireNames.of(aggregation));
        }
        if (window != null && !window.size().equals(window.slide())) {
            problems.add(m.value("window", true), "a response time is computed per closed window: slide = size");
        }
        if (!rules.equals(EnumSet.of(AlertRule.LEVEL)) || instant) {
            problems.add(m.node(), "a response time is judged, never alerted on: rules [level], not instant");
        }
    }

    private IndicatorSource metricSource(YamlMap s) {
        for (String incidentField : List.of("categories", "measure", "quality")) {
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
        if (s.has("quality")) {
            problems.add(s.keyNode("quality"), "source.quality is only used with a network");
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

    /**
     * An indicator's share in the health score. Platform indicators never count in health and indicators without
     * levels have nothing to count, so neither has a weight; every other indicator needs one.
     */
    private Double weight(YamlMap m, Domain domain, boolean leveled) {
        if (domain != null && !domain.countsInHealth() || !leveled) {
            if (m.has("weight")) {
                problems.add(m.keyNode("weight"), (!leveled ? "indicators without levels"
                        : domain.platform() ? "data-quality indicators" : "operations-centre indicators") + " never count in health: no weight");
            }
            return 0.0;
        }
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
            } else if (aggregation == Aggregation.COVERAGE) {
                problems.add(at, "aggregation coverage is for data-quality sources (network/quality)");
            }
            return;
        }
        if (source.isSituations()) {
            return; // checkResponseTime
        }
        Set<Aggregation> fitting;
        String of;
        if (source.isQuality()) {
            fitting = EnumSet.of(switch (source.quality()) {
                case COMPLETENESS -> Aggregation.COVERAGE;
                case FRESHNESS -> Aggregation.AGE;
                case REJECTED -> Aggregation.COUNT;
            });
            of = "quality " + WireNames.of(source.quality());
        } else {
            IncidentMeasure measure = source.measure();
            fitting = measure.isDuration() ? DURATION_AGGREGATIONS : EnumSet.of(Aggregation.COUNT);
            of = "measure " + WireNames.of(measure);
        }
        if (!fitting.contains(aggregation)) {
            problems.add(at, "aggregation " + name + " does not fit " + of + " (use "
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
            } else if (aggregation == Aggregation.AGE) {
                expected = "min";
            }
        } else if (source.isQuality()) {
            expected = switch (source.quality()) {
                case COMPLETENESS -> "%";
                case FRESHNESS -> "min";
                case REJECTED -> "readings";
            };
        } else if ((source.isSituations() || source.measure().isDuration()) && !TimeUnits.isTimeUnit(unit)) {
            problems.add(m.value("unit", true), "unit '" + unit + "' of a duration must be a time unit: "
                    + String.join(" or ", TimeUnits.names()));
        }
        if (expected != null && !expected.equals(unit)) {
            problems.add(m.value("unit", true), "unit '" + unit + "' does not match " + WireNames.of(aggregation)
                    + " of " + (source.isMetric() ? "metric " + source.metric() : "network " + source.network())
                    + " (expected '" + expected + "')");
        }
    }
}
