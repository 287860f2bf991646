package org.cityvitals.jobs.window;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.cityvitals.indicators.catalogue.Aggregation;
import org.cityvitals.indicators.metric.MetricRegistry;
import org.cityvitals.indicators.sensor.Sensor;
import org.cityvitals.indicators.sensor.SensorRegistry;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The checkpointed size of one series' window state, (indicator, district), for the two kinds of window that keep
 * more than a few numbers: a percentile over a day sliding by an hour (every value of 25 panes: the day and the
 * allowed lateness) and completeness (the ids of every sensor of a network in a district, in each of the 5 panes of
 * a 15-minute window sliding by 5 minutes plus the lateness). Each pane is serialised with the serializer Flink uses
 * for {@link Accumulator} state. Not a test: the command is in docs/BENCHMARKS.md.
 */
public final class WindowStateSize {

    private static final TypeSerializer<Accumulator> SERIALIZER = TypeInformation.of(Accumulator.class)
            .createSerializer(new SerializerConfigImpl());

    public static void main(String[] args) throws IOException {
        for (int casesPerDay : new int[] {100, 1_000, 10_000}) {
            int panes = 25;
            Accumulator pane = new Accumulator();
            for (int i = 0; i < casesPerDay / 24; i++) {
                pane.add(Sample.of("hotline.resolve_p90", "310101", 30 + i % 500, false, "case-" + i, 0),
                        Aggregation.P90);
            }
            System.out.printf("percentile, 1 d sliding 1 h, %,d cases a day in the district: %,d bytes per key "
                    + "(%d panes × %,d)%n", casesPerDay, panes * bytes(pane), panes, bytes(pane));
        }
        MetricRegistry metrics = MetricRegistry.loadDefault();
        Map<String, List<Sensor>> byNetworkAndDistrict = SensorRegistry.shanghai().all().stream()
                .collect(Collectors.groupingBy(s -> metrics.byId(s.metric()).orElseThrow().network() + " in "
                        + s.district(), TreeMap::new, Collectors.toList()));
        Map.Entry<String, List<Sensor>> largest = byNetworkAndDistrict.entrySet().stream()
                .max(Comparator.comparingInt(e -> e.getValue().size())).orElseThrow();
        Accumulator pane = new Accumulator();
        for (Sensor sensor : largest.getValue()) {
            pane.add(Sample.of("dq.completeness", sensor.district(), 1, false, sensor.id(), 0), Aggregation.COVERAGE);
        }
        System.out.printf("completeness, 15 min sliding 5 min, the largest Shanghai network of a district (%s, %d "
                + "sensors): %,d bytes per key (5 panes × %,d)%n", largest.getKey(), largest.getValue().size(),
                5 * bytes(pane), bytes(pane));
        Accumulator mean = new Accumulator();
        mean.add(Sample.of("air.pm25", "310101", 42.5, false, "s", 0), Aggregation.MEAN);
        System.out.printf("any other aggregation: %,d bytes per pane, whatever the number of samples%n", bytes(mean));
    }

    private static int bytes(Accumulator pane) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        SERIALIZER.serialize(pane, out);
        return out.length();
    }
}
