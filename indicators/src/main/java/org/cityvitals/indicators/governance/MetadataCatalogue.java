package org.cityvitals.indicators.governance;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.catalogue.IndicatorSource;
import org.cityvitals.indicators.event.IncidentSource;
import org.cityvitals.indicators.metric.Metric;
import org.cityvitals.indicators.metric.MetricRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metadata catalogue (数据目录), generated from the data standard and never edited by hand: every source, metric,
 * indicator, derived dataset and table with its names, class, owner, unit, how often it is updated, and its lineage
 * in both directions (source → metric → indicator → table and back). Items are referred to as {@code kind:id}
 * ({@code metric:pm25}).
 */
public final class MetadataCatalogue {

    /** The tables every indicator's values and alerts land in. */
    private static final List<String> INDICATOR_TABLES = List.of("indicator_values", "indicator_values_hourly",
            "indicator_values_daily");

    /**
     * One item. {@code updateEvery} is how often it gets new data (an indicator's slide; for sources and metrics the
     * most frequent indicator fed by them; null for tables and datasets); {@code from} and {@code to} its lineage.
     */
    public record Item(ItemKind kind, String id, String nameZh, String nameEn, Clearance dataClass, String owner,
                       String unit, Duration updateEvery, List<String> from, List<String> to) {

        public String ref() {
            return MetadataCatalogue.ref(kind, id);
        }
    }

    private final Map<String, Item> items = new LinkedHashMap<>();

    public MetadataCatalogue(IndicatorCatalogue catalogue, MetricRegistry metrics, Classification classification) {
        Map<String, Set<String>> to = new LinkedHashMap<>();
        Map<String, Item> drafts = new LinkedHashMap<>();
        for (ClassifiedItem source : classification.items(ItemKind.SOURCE)) {
            drafts.put(ref(ItemKind.SOURCE, source.id()), draft(source, source.nameZh(), source.nameEn(), null));
        }
        for (Metric metric : metrics.all()) {
            ClassifiedItem item = classification.item(ItemKind.METRIC, metric.id()).orElseThrow();
            drafts.put(ref(ItemKind.METRIC, metric.id()), draft(item, metric.nameZh(), metric.nameEn(), metric.unit()));
            link(to, ref(ItemKind.SOURCE, metric.network()), ref(ItemKind.METRIC, metric.id()));
            link(to, ref(ItemKind.METRIC, metric.id()), ref(ItemKind.TABLE, "readings"));
        }
        for (IncidentSource channel : IncidentSource.values()) {
            link(to, ref(ItemKind.SOURCE, channel.jsonName()), ref(ItemKind.TABLE, "incidents"));
        }
        for (IndicatorDefinition d : catalogue.all()) {
            ClassifiedItem item = classification.item(ItemKind.INDICATOR, d.id()).orElseThrow();
            String indicator = ref(ItemKind.INDICATOR, d.id());
            drafts.put(indicator, draft(item, d.nameZh(), d.nameEn(), d.unit()));
            upstream(d.source()).forEach(from -> link(to, from, indicator));
            INDICATOR_TABLES.forEach(table -> link(to, indicator, ref(ItemKind.TABLE, table)));
            if (!d.source().isSituations()) { // the centre's response times are judged, never alerted on
                link(to, indicator, ref(ItemKind.DATASET, Classification.ALERTS));
            }
            if (d.weight() > 0) {
                link(to, indicator, ref(ItemKind.DATASET, Classification.HEALTH_SCORES));
            }
        }
        for (ClassifiedItem dataset : classification.items(ItemKind.DATASET)) {
            drafts.put(ref(ItemKind.DATASET, dataset.id()), draft(dataset, dataset.nameZh(), dataset.nameEn(), null));
        }
        link(to, ref(ItemKind.DATASET, Classification.HEALTH_SCORES), ref(ItemKind.TABLE, "health_scores"));
        link(to, ref(ItemKind.DATASET, Classification.ALERTS), ref(ItemKind.TABLE, "alert_events"));
        for (ClassifiedTable table : classification.tables()) {
            drafts.put(ref(ItemKind.TABLE, table.id()), draft(table.item(), table.id(), table.id(), null));
        }
        Map<String, Set<String>> from = new LinkedHashMap<>();
        to.forEach((upstream, downstreams) -> downstreams.forEach(down -> link(from, down, upstream)));
        Map<String, Duration> every = updateEvery(catalogue, to);
        drafts.forEach((ref, d) -> items.put(ref, new Item(d.kind(), d.id(), d.nameZh(), d.nameEn(), d.dataClass(),
                d.owner(), d.unit(), every.get(ref), List.copyOf(from.getOrDefault(ref, Set.of())),
                List.copyOf(to.getOrDefault(ref, Set.of())))));
    }

    public static String ref(ItemKind kind, String id) {
        return WireNames.of(kind) + ":" + id;
    }

    /** Every item, sources first, then metrics, indicators, datasets and tables, each in file order. */
    public List<Item> items() {
        return List.copyOf(items.values());
    }

    public Item item(String ref) {
        return items.get(ref);
    }

    /**
     * What an indicator is computed from: its metric, its incident channels, its sensor network, or the responses
     * to situations the dashboard server records.
     */
    private static List<String> upstream(IndicatorSource source) {
        if (source.isSituations()) {
            return List.of(ref(ItemKind.TABLE, "situation_responses"));
        }
        if (source.isMetric()) {
            return List.of(ref(ItemKind.METRIC, source.metric()));
        }
        if (source.isQuality()) {
            return List.of(ref(ItemKind.SOURCE, source.network()));
        }
        return source.incidents().sources().stream().map(s -> ref(ItemKind.SOURCE, s.jsonName())).sorted().toList();
    }

    /**
     * An indicator is due every slide; a metric or source as often as the most frequent indicator fed by it, which is
     * how soon its silence shows. Tables and datasets have no period of their own.
     */
    private static Map<String, Duration> updateEvery(IndicatorCatalogue catalogue, Map<String, Set<String>> to) {
        Map<String, Duration> every = new LinkedHashMap<>();
        for (IndicatorDefinition d : catalogue.all()) {
            every.put(ref(ItemKind.INDICATOR, d.id()), d.window().slide());
        }
        for (int pass = 0; pass < 2; pass++) { // metrics from indicators, then sources from metrics and indicators
            to.forEach((upstream, downstreams) -> {
                if (upstream.startsWith(WireNames.of(ItemKind.INDICATOR) + ":")) {
                    return;
                }
                downstreams.stream().map(every::get).filter(java.util.Objects::nonNull).min(Duration::compareTo)
                        .ifPresent(period -> every.merge(upstream, period, (a, b) -> a.compareTo(b) <= 0 ? a : b));
            });
        }
        return every;
    }

    private static Item draft(ClassifiedItem item, String zh, String en, String unit) {
        return new Item(item.kind(), item.id(), zh, en, item.dataClass(), item.owner(), unit, null, List.of(),
                List.of());
    }

    private static void link(Map<String, Set<String>> edges, String from, String to) {
        edges.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
    }

    /** Items whose id, names, class or owner contain {@code query} (any case); all when it is blank. */
    public List<Item> search(String query, Classification classification) {
        if (query == null || query.isBlank()) {
            return items();
        }
        String q = query.strip().toLowerCase(java.util.Locale.ROOT);
        List<Item> found = new ArrayList<>();
        for (Item item : items.values()) {
            Owner owner = classification.owner(item.owner()).orElseThrow();
            String text = String.join("\n", item.ref(), item.nameZh(), item.nameEn(), WireNames.of(item.dataClass()),
                    owner.nameZh(), owner.nameEn()).toLowerCase(java.util.Locale.ROOT);
            if (text.contains(q)) {
                found.add(item);
            }
        }
        return found;
    }
}
