package org.cityvitals.indicators.catalogue;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.yaml.YamlMap;
import org.cityvitals.indicators.yaml.YamlProblems;
import org.yaml.snakeyaml.nodes.Node;

import java.io.Reader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code situations.yaml} and checks it against the indicator catalogue, collecting every problem as
 * {@code file:line: problem} like the catalogue loader: hazards name catalogue indicators of the city's operations
 * (never the platform's own), each indicator in at most one hazard; inhibitions name a hazard and indicators outside
 * it; escalation policies name warning levels and known districts, with steps in rising delay, and no two policies
 * cover the same level and district; causes (what a person resolving a situation chooses from) have unique names;
 * the times of the centre's response are the catalogue's indicators (domain operations_centre), not these rules'.
 */
final class SituationRulesLoader {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final YamlProblems problems;
    private final IndicatorCatalogue catalogue;
    private final Map<String, Integer> hazardLines = new HashMap<>();
    private final Map<String, String> hazardOfIndicator = new HashMap<>();

    private SituationRulesLoader(String file, IndicatorCatalogue catalogue) {
        this.problems = new YamlProblems(file);
        this.catalogue = catalogue;
    }

    static SituationRules.Loaded load(Reader reader, String file, IndicatorCatalogue catalogue) {
        return new SituationRulesLoader(file, catalogue).load(reader);
    }

    private SituationRules.Loaded load(Reader reader) {
        List<Hazard> hazards = new ArrayList<>();
        List<Inhibition> inhibitions = new ArrayList<>();
        List<EscalationPolicy> policies = new ArrayList<>();
        List<Cause> causes = new ArrayList<>();
        YamlMap root = YamlMap.parse(reader, problems);
        if (root != null) {
            root.allowOnly(Set.of("hazards", "inhibitions", "escalation", "causes"));
            for (Node item : root.list("hazards", true)) {
                add(hazards, hazard(YamlMap.of(item, "a hazard", problems)));
            }
            for (Node item : root.list("inhibitions", false)) {
                add(inhibitions, inhibition(YamlMap.of(item, "an inhibition", problems)));
            }
            Map<String, Integer> covered = new HashMap<>();
            for (Node item : root.list("escalation", false)) {
                add(policies, policy(YamlMap.of(item, "an escalation policy", problems), covered));
            }
            Map<String, Integer> causeLines = new HashMap<>();
            for (Node item : root.list("causes", true)) {
                add(causes, cause(YamlMap.of(item, "a cause", problems), causeLines));
            }
        }
        return problems.isEmpty() ? new SituationRules.Loaded(new SituationRules(hazards, inhibitions, policies,
                causes, ResponseIndicators.of(catalogue)), List.of()) : new SituationRules.Loaded(null, problems.list());
    }

    private static <T> void add(List<T> to, T item) {
        if (item != null) {
            to.add(item);
        }
    }

    private Hazard hazard(YamlMap m) {
        if (m == null) {
            return null;
        }
        m.allowOnly(Set.of("id", "name", "indicators", "window"));
        String id = name(m, "id");
        if (id != null && hazardLines.putIfAbsent(id, line(m.value("id", true))) != null) {
            problems.add(m.value("id", true), "duplicate hazard '" + id + "' (first defined on line "
                    + hazardLines.get(id) + ")");
        }
        YamlMap name = m.map("name", true);
        if (name != null) {
            name.allowOnly(Set.of("zh", "en"));
        }
        String zh = name == null ? null : name.string("zh", true);
        String en = name == null ? null : name.string("en", true);
        List<String> indicators = new ArrayList<>();
        List<Node> items = m.list("indicators", true);
        for (Node item : items) {
            String indicator = operationsIndicator(m, item, "indicators");
            if (indicator == null) {
                continue;
            }
            String other = hazardOfIndicator.putIfAbsent(indicator, id);
            if (other != null) {
                problems.add(item, "indicator " + indicator + " already belongs to hazard " + other
                        + ": an alert joins one situation");
            } else {
                indicators.add(indicator);
            }
        }
        if (items.isEmpty() && m.has("indicators")) {
            problems.add(m.value("indicators", true), "a hazard needs at least one indicator");
        }
        Duration window = positive(m, "window");
        return id == null || zh == null || en == null || window == null ? null
                : new Hazard(id, zh, en, indicators, window);
    }

    private Cause cause(YamlMap m, Map<String, Integer> lines) {
        if (m == null) {
            return null;
        }
        m.allowOnly(Set.of("id", "name"));
        String id = name(m, "id");
        if (id != null && lines.putIfAbsent(id, line(m.value("id", true))) != null) {
            problems.add(m.value("id", true), "duplicate cause '" + id + "' (first defined on line " + lines.get(id)
                    + ")");
        }
        YamlMap name = m.map("name", true);
        if (name != null) {
            name.allowOnly(Set.of("zh", "en"));
        }
        String zh = name == null ? null : name.string("zh", true);
        String en = name == null ? null : name.string("en", true);
        return id == null || zh == null || en == null ? null : new Cause(id, zh, en);
    }

    private Inhibition inhibition(YamlMap m) {
        if (m == null) {
            return null;
        }
        m.allowOnly(Set.of("source", "targets", "reason"));
        String source = m.string("source", true);
        if (source != null && !hazardLines.containsKey(source)) {
            problems.add(m.value("source", true), "unknown hazard '" + source + "', expected one of "
                    + String.join(", ", hazardLines.keySet().stream().sorted().toList()));
            source = null;
        }
        Set<String> targets = new LinkedHashSet<>();
        for (Node item : m.list("targets", true)) {
            String target = operationsIndicator(m, item, "targets");
            if (target != null && source != null && source.equals(hazardOfIndicator.get(target))) {
                problems.add(item, "indicator " + target + " belongs to hazard " + source
                        + " itself: it joins the situation, it is not inhibited by it");
            } else if (target != null) {
                targets.add(target);
            }
        }
        String reason = m.string("reason", true);
        return source == null || targets.isEmpty() || reason == null ? null
                : new Inhibition(source, targets, reason);
    }

    private EscalationPolicy policy(YamlMap m, Map<String, Integer> covered) {
        if (m == null) {
            return null;
        }
        m.allowOnly(Set.of("levels", "districts", "steps", "renotify"));
        Set<Level> levels = EnumSet.noneOf(Level.class);
        for (Node item : m.list("levels", true)) {
            Level level = m.enumValue(item, "level", Level.class);
            if (level == Level.NORMAL) {
                problems.add(item, "normal is no warning level: nothing escalates at normal");
            } else if (level != null) {
                levels.add(level);
            }
        }
        Set<String> districts = new LinkedHashSet<>();
        for (Node item : m.has("districts") ? m.list("districts", false) : List.<Node>of()) {
            String code = item instanceof org.yaml.snakeyaml.nodes.ScalarNode s ? s.getValue() : null;
            if (code == null || !CityProfiles.knows(code)) {
                problems.add(item, "unknown district '" + code + "' in districts");
            } else {
                districts.add(code);
            }
        }
        List<EscalationPolicy.Step> steps = steps(m);
        Duration renotify = m.has("renotify") ? positive(m, "renotify") : null;
        int line = line(m.node());
        for (Level level : levels) {
            for (String district : districts.isEmpty() ? Set.of("*") : districts) {
                Integer first = covered.putIfAbsent(WireNames.of(level) + "|" + district, line);
                if (first != null) {
                    problems.add(m.node(), "level " + WireNames.of(level) + " in " + district
                            + " is already covered by the policy on line " + first);
                }
            }
        }
        return levels.isEmpty() || steps.isEmpty() ? null
                : new EscalationPolicy(levels, districts, steps, renotify);
    }

    private List<EscalationPolicy.Step> steps(YamlMap m) {
        List<EscalationPolicy.Step> steps = new ArrayList<>();
        Duration previous = Duration.ZERO;
        for (YamlMap step : m.maps("steps", true, "a step", Set.of("after", "to"))) {
            Duration after = positive(step, "after");
            String duty = name(step, "to");
            if (after != null && after.compareTo(previous) <= 0) {
                problems.add(step.value("after", true), "steps must come later and later: " + after.toMinutes()
                        + " min is not after the step before");
            } else if (after != null && duty != null) {
                steps.add(new EscalationPolicy.Step(after, duty));
                previous = after;
            }
        }
        return steps;
    }

    /** A catalogue indicator of the city's operations named by a list item, or null with a problem. */
    private String operationsIndicator(YamlMap m, Node item, String field) {
        String id = item instanceof org.yaml.snakeyaml.nodes.ScalarNode s ? s.getValue() : null;
        var definition = id == null ? null : catalogue.byId(id).orElse(null);
        if (definition == null) {
            problems.add(item, "unknown indicator '" + id + "' in " + field);
            return null;
        }
        if (definition.domain().platform()) {
            problems.add(item, "indicator " + id + " is the platform's own (" + WireNames.of(definition.domain())
                    + "): its alarms go to platform staff, never into a district's situation");
            return null;
        }
        if (definition.source().isSituations()) {
            problems.add(item, "indicator " + id + " times the centre's own response to situations and raises no "
                    + "alarm to group");
            return null;
        }
        return id;
    }

    private String name(YamlMap m, String key) {
        String value = m.string(key, true);
        if (value != null && !NAME.matcher(value).matches()) {
            problems.add(m.value(key, true), "'" + key + "' must be a lower-case name like district_chief, was '"
                    + value + "'");
            return null;
        }
        return value;
    }

    private Duration positive(YamlMap m, String key) {
        Duration d = m.duration(key, true);
        if (d != null && (d.isZero() || d.isNegative())) {
            problems.add(m.value(key, true), "'" + key + "' must be longer than 0");
            return null;
        }
        return d;
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
