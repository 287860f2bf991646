package org.cityvitals.indicators.governance;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.event.IncidentSource;
import org.cityvitals.indicators.metric.Metric;
import org.cityvitals.indicators.metric.MetricRegistry;
import org.cityvitals.indicators.yaml.YamlMap;
import org.cityvitals.indicators.yaml.YamlProblems;
import org.yaml.snakeyaml.nodes.Node;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the classification YAML and checks it, collecting every problem as {@code file:line: problem}: each item
 * has a known class and a declared owner, nothing is listed twice, every source, metric and indicator of the data
 * standard is classified and nothing else is, a column is never less restricted than its table, and a column
 * carrying personal detail is sensitive.
 */
final class ClassificationLoader {

    private static final Set<String> SECTIONS = Set.of("owners", "sources", "metrics", "indicators", "datasets",
            "tables");
    private static final Set<String> ITEM_FIELDS = Set.of("id", "class", "owner");
    private static final Set<String> SOURCE_FIELDS = Set.of("id", "kind", "class", "owner", "zh", "en");
    private static final Set<String> DATASET_FIELDS = Set.of("id", "class", "owner", "zh", "en");
    private static final Set<String> TABLE_FIELDS = Set.of("id", "class", "owner", "rows", "columns", "copies");
    private static final Set<String> COLUMN_FIELDS = Set.of("class", "carries");
    private static final String ROWS_BY_INDICATOR = "by_indicator";
    private static final String NO_COPIES = "none";

    private final YamlProblems problems;
    private final IndicatorCatalogue catalogue;
    private final MetricRegistry metrics;
    private final Map<String, Owner> owners = new LinkedHashMap<>();
    private final List<ClassifiedItem> items = new ArrayList<>();
    private final List<ClassifiedTable> tables = new ArrayList<>();

    ClassificationLoader(String fileName, IndicatorCatalogue catalogue, MetricRegistry metrics) {
        this.problems = new YamlProblems(fileName);
        this.catalogue = catalogue;
        this.metrics = metrics;
    }

    ClassificationResult load(Reader reader) {
        YamlMap root = YamlMap.parse(reader, problems);
        if (root != null) {
            root.allowOnly(SECTIONS);
            readOwners(root);
            readItems(root, "sources", ItemKind.SOURCE, sourceIds());
            readItems(root, "metrics", ItemKind.METRIC, metrics.all().stream().map(Metric::id).toList());
            readItems(root, "indicators", ItemKind.INDICATOR,
                    catalogue.all().stream().map(IndicatorDefinition::id).toList());
            readItems(root, "datasets", ItemKind.DATASET, List.of(Classification.HEALTH_SCORES,
                    Classification.ALERTS));
            readTables(root);
        }
        if (!problems.isEmpty()) {
            return new ClassificationResult(null, problems.list());
        }
        return new ClassificationResult(new Classification(List.copyOf(owners.values()), items, tables), List.of());
    }

    /** The sensor networks of the metrics and every incident channel, by the names their events carry. */
    private List<String> sourceIds() {
        List<String> ids = new ArrayList<>(metrics.networks());
        for (IncidentSource channel : IncidentSource.values()) {
            ids.add(channel.jsonName());
        }
        return ids;
    }

    private void readOwners(YamlMap root) {
        for (YamlMap m : root.maps("owners", true, "an owner", Set.of("id", "zh", "en"))) {
            String id = m.string("id", true);
            Owner owner = new Owner(id, m.string("zh", true), m.string("en", true));
            if (id != null && owners.putIfAbsent(id, owner) != null) {
                problems.add(m.node(), "owner '" + id + "' is declared twice");
            }
        }
    }

    /** One section of items; each of {@code expected} must be in it, and nothing else. */
    private void readItems(YamlMap root, String section, ItemKind kind, List<String> expected) {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> fields = kind == ItemKind.SOURCE ? SOURCE_FIELDS : kind == ItemKind.DATASET ? DATASET_FIELDS
                : ITEM_FIELDS;
        for (YamlMap m : root.maps(section, true, "an item of " + section, fields)) {
            Node node = m.node();
            String id = m.string("id", true);
            if (id == null) {
                continue;
            }
            // listed, if wrongly: its own problem says what is wrong, "has no class" would only repeat it
            if (!seen.add(id)) {
                problems.add(node, WireNames.of(kind) + " '" + id + "' is classified twice");
            } else if (!expected.contains(id)) {
                problems.add(node, "no " + WireNames.of(kind) + " '" + id + "' in the data standard");
            }
            ClassifiedItem item = item(m, kind, id);
            if (item != null) {
                items.add(item);
            }
        }
        Node at = root.has(section) ? root.keyNode(section) : root.node();
        for (String id : expected) {
            if (!seen.contains(id)) {
                problems.add(at, WireNames.of(kind) + " '" + id + "' has no class: add it to " + section);
            }
        }
    }

    /** Id, class and owner of an item; null (with problems) when any is missing or wrong. */
    private ClassifiedItem item(YamlMap m, ItemKind kind, String id) {
        Clearance dataClass = m.enumValue("class", Clearance.class, true);
        String owner = m.string("owner", true);
        if (owner != null && !owners.containsKey(owner)) {
            problems.add(m.value("owner", true), "owner '" + owner + "' is not declared under owners");
            return null;
        }
        boolean named = kind == ItemKind.SOURCE || kind == ItemKind.DATASET;
        String zh = named ? m.string("zh", true) : null;
        String en = named ? m.string("en", true) : null;
        return id == null || dataClass == null || owner == null || named && (zh == null || en == null) ? null
                : new ClassifiedItem(kind, id, dataClass, owner, zh, en);
    }

    private void readTables(YamlMap root) {
        Set<String> seen = new LinkedHashSet<>();
        for (YamlMap m : root.maps("tables", true, "a table", TABLE_FIELDS)) {
            Node node = m.node();
            String id = m.string("id", true);
            ClassifiedItem item = id == null ? null : item(m, ItemKind.TABLE, id);
            String rows = m.string("rows", false);
            if (rows != null && !rows.equals(ROWS_BY_INDICATOR)) {
                problems.add(m.value("rows", false), "rows must be " + ROWS_BY_INDICATOR + " or left out");
            }
            String copies = m.string("copies", false);
            if (copies != null && !copies.equals(NO_COPIES)) {
                problems.add(m.value("copies", false), "copies must be " + NO_COPIES + " or left out");
            }
            Map<String, ClassifiedColumn> columns = item == null ? Map.of() : columns(m, item);
            if (item == null) {
                continue;
            }
            if (!seen.add(item.id())) {
                problems.add(node, "table '" + item.id() + "' is classified twice");
            }
            items.add(item);
            tables.add(new ClassifiedTable(item, rows != null, columns, copies == null));
        }
    }

    private Map<String, ClassifiedColumn> columns(YamlMap table, ClassifiedItem item) {
        Map<String, ClassifiedColumn> columns = new LinkedHashMap<>();
        YamlMap listed = table.has("columns") ? table.map("columns", true) : null;
        if (listed == null) {
            return columns;
        }
        for (String name : listed.keys()) {
            YamlMap c = listed.map(name, true);
            if (c == null) {
                continue;
            }
            c.allowOnly(COLUMN_FIELDS);
            Clearance dataClass = c.enumValue("class", Clearance.class, true);
            Carries carries = c.enumValue("carries", Carries.class, true);
            if (dataClass == null || carries == null) {
                continue;
            }
            String where = "column " + item.id() + "." + name;
            if (!dataClass.covers(item.dataClass())) {
                problems.add(c.value("class", true), where + " is " + WireNames.of(dataClass)
                        + ", less restricted than its table (" + WireNames.of(item.dataClass()) + ")");
            } else if (carries.personal() && dataClass != Clearance.SENSITIVE) {
                problems.add(c.value("class", true), where + " carries " + WireNames.of(carries)
                        + ", personal information, and must be sensitive");
            }
            columns.put(name, new ClassifiedColumn(name, dataClass, carries));
        }
        return columns;
    }
}
