package org.cityvitals.ingest.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The data sets {@code replay} knows, by name. */
public final class Datasets {
    private static final List<String> NAMES = List.of(
            "beijing-aq", "aarhus-traffic", "metro-i94", "boston-311", "nyc-311", "tetouan-power",
            TimeSeriesAdapter.NAME);

    private Datasets() {
    }

    public static List<String> names() {
        return NAMES;
    }

    /**
     * The adapter for {@code name}, a data set with a fixed layout. {@code aarhusMetadata} is read only for
     * {@code aarhus-traffic}. A bring-your-own series is described by its own flags: {@link TimeSeriesAdapter}.
     *
     * @throws IllegalArgumentException for an unknown name or a missing metadata file
     */
    public static SourceAdapter adapterFor(String name, Path aarhusMetadata) {
        return switch (name) {
            case "beijing-aq" -> new BeijingAirQualityAdapter();
            case "aarhus-traffic" -> new AarhusTrafficAdapter(segments(aarhusMetadata));
            case "metro-i94" -> new MetroI94Adapter();
            case "boston-311" -> new Boston311Adapter();
            case "nyc-311" -> new Nyc311Adapter();
            case "tetouan-power" -> new TetouanPowerAdapter();
            case TimeSeriesAdapter.NAME -> throw new IllegalArgumentException(
                    "a timeseries adapter is built from its spec: new TimeSeriesAdapter(spec)");
            default -> throw new IllegalArgumentException("unknown dataset '" + name + "', known: "
                    + String.join(", ", NAMES));
        };
    }

    private static AarhusSegments segments(Path metadata) {
        if (!Files.isReadable(metadata)) {
            throw new IllegalArgumentException("aarhus-traffic needs the segment metadata: no readable file "
                    + metadata + " (give --metadata PATH)");
        }
        try {
            return AarhusSegments.load(metadata);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Aarhus segment metadata " + metadata, e);
        }
    }
}
