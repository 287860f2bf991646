package org.cityvitals.indicators.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The validated set of indicator definitions, in file order. */
public final class IndicatorCatalogue {
    /** Classpath resource of the shipped catalogue. */
    public static final String DEFAULT_RESOURCE = "catalogue/indicators.yaml";

    private final Map<String, IndicatorDefinition> byId = new LinkedHashMap<>();
    // Indexed once: the Flink job looks indicators up for every event it reads.
    private final Map<String, List<IndicatorDefinition>> byMetric;
    private final List<IndicatorDefinition> fromIncidents;
    private final Map<String, List<IndicatorDefinition>> byNetwork;

    IndicatorCatalogue(List<IndicatorDefinition> definitions) {
        definitions.forEach(d -> byId.put(d.id(), d));
        byMetric = definitions.stream().filter(d -> d.source().isMetric())
                .collect(Collectors.groupingBy(d -> d.source().metric(), Collectors.toUnmodifiableList()));
        fromIncidents = definitions.stream().filter(d -> d.source().isIncidents()).toList();
        byNetwork = definitions.stream().filter(d -> d.source().isQuality())
                .collect(Collectors.groupingBy(d -> d.source().network(), Collectors.toUnmodifiableList()));
    }

    /** The shipped catalogue. @throws IllegalStateException listing the problems if it does not load clean */
    public static IndicatorCatalogue loadDefault() {
        LoadResult result = loadDefaultResult();
        if (!result.ok()) {
            throw new IllegalStateException("shipped catalogue is invalid:\n" + String.join("\n", result.problems()));
        }
        return result.catalogue();
    }

    /** The shipped catalogue with its problems, for {@code catalogue check} without a file. */
    public static LoadResult loadDefaultResult() {
        try (InputStream in = Objects.requireNonNull(
                IndicatorCatalogue.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE), DEFAULT_RESOURCE)) {
            return load(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads and validates a catalogue file; problems name the file as given. */
    public static LoadResult load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            return new LoadResult(null, List.of(file + ":1: cannot read: " + e.getMessage()));
        }
    }

    /** Loads and validates a catalogue read from {@code in}; {@code fileName} prefixes every problem. */
    public static LoadResult load(InputStream in, String fileName) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        return CatalogueLoader.load(reader, fileName);
    }

    public List<IndicatorDefinition> all() {
        return List.copyOf(byId.values());
    }

    public Optional<IndicatorDefinition> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The indicators computed from readings of {@code metric}. */
    public List<IndicatorDefinition> forMetric(String metric) {
        return byMetric.getOrDefault(metric, List.of());
    }

    /** The data-quality indicators of the sensor {@code network}. */
    public List<IndicatorDefinition> forNetwork(String network) {
        return byNetwork.getOrDefault(network, List.of());
    }

    /** The indicators computed from incidents. */
    public List<IndicatorDefinition> forIncidents() {
        return fromIncidents;
    }
}
