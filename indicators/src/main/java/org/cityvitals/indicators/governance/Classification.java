package org.cityvitals.indicators.governance;

import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.metric.MetricRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The data classification (分类分级) of the data standard, from {@value #RESOURCE}: the class and owner of every
 * source, metric, indicator, derived dataset and table, and of the columns that carry personal or location detail.
 * What is not classified is treated as {@link Clearance#SENSITIVE}, so an indicator added at run time without a class
 * reaches only those cleared for everything.
 */
public final class Classification {

    public static final String RESOURCE = "governance/classification.yaml";
    /** The derived datasets every classification must class. */
    public static final String HEALTH_SCORES = "health_scores";
    public static final String ALERTS = "alerts";


    private final List<Owner> owners;
    private final Map<ItemKind, Map<String, ClassifiedItem>> items;
    private final Map<String, ClassifiedTable> tables;

    Classification(List<Owner> owners, List<ClassifiedItem> items, List<ClassifiedTable> tables) {
        this.owners = List.copyOf(owners);
        this.items = new EnumMap<>(ItemKind.class);
        for (ItemKind kind : ItemKind.values()) {
            this.items.put(kind, new LinkedHashMap<>());
        }
        items.forEach(item -> this.items.get(item.kind()).put(item.id(), item));
        this.tables = new LinkedHashMap<>();
        tables.forEach(table -> this.tables.put(table.id(), table));
    }

    /**
     * The shipped classification, checked against the shipped catalogue and metrics. Loaded once, on first use, and
     * then read without a lock: it is asked for each value and alert the dashboard sends.
     */
    public static Classification loadDefault() {
        return Shipped.CLASSIFICATION;
    }

    /** Holds the shipped classification; the JVM loads it once, when first asked, without locking readers. */
    private static final class Shipped {
        static final Classification CLASSIFICATION = checked(loadDefaultResult());

        private static Classification checked(ClassificationResult result) {
            if (!result.ok()) {
                throw new IllegalStateException("shipped " + RESOURCE + " is invalid:\n"
                        + String.join("\n", result.problems()));
            }
            return result.classification();
        }
    }

    public static ClassificationResult loadDefaultResult() {
        try (InputStream in = Objects.requireNonNull(
                Classification.class.getClassLoader().getResourceAsStream(RESOURCE), RESOURCE)) {
            return load(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE,
                    IndicatorCatalogue.loadDefault(), MetricRegistry.loadDefault());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and checks a classification against the catalogue and metrics it classifies. */
    public static ClassificationResult load(Reader reader, String fileName, IndicatorCatalogue catalogue,
                                            MetricRegistry metrics) {
        return new ClassificationLoader(fileName, catalogue, metrics).load(reader);
    }

    public List<Owner> owners() {
        return owners;
    }

    public Optional<Owner> owner(String id) {
        return owners.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** The items of one kind, in file order (tables as items too). */
    public List<ClassifiedItem> items(ItemKind kind) {
        return List.copyOf(items.get(kind).values());
    }

    public Optional<ClassifiedItem> item(ItemKind kind, String id) {
        return Optional.ofNullable(items.get(kind).get(id));
    }

    /** The class of an item; {@link Clearance#SENSITIVE} when it is not classified. */
    public Clearance classOf(ItemKind kind, String id) {
        return item(kind, id).map(ClassifiedItem::dataClass).orElse(Clearance.SENSITIVE);
    }

    public Clearance indicatorClass(String indicatorId) {
        return classOf(ItemKind.INDICATOR, indicatorId);
    }

    /** Whether a user or account with {@code clearance} may see the indicator's values. */
    public boolean reveals(Clearance clearance, String indicatorId) {
        return clearance.covers(indicatorClass(indicatorId));
    }

    /**
     * The class of an alert on an indicator, its actions and the notes people wrote on it: the higher of the alerts
     * dataset's class and the indicator's. An alert on an open indicator is still what the operations centre knows
     * and did about it, never published with the indicator.
     */
    public Clearance alertClass(String indicatorId) {
        Clearance alerts = classOf(ItemKind.DATASET, ALERTS);
        Clearance indicator = indicatorClass(indicatorId);
        return alerts.higher(indicator);
    }

    public List<ClassifiedTable> tables() {
        return List.copyOf(tables.values());
    }

    public Optional<ClassifiedTable> table(String id) {
        return Optional.ofNullable(tables.get(id));
    }
}
