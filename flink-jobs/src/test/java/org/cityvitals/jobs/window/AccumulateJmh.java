package org.cityvitals.jobs.window;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.cityvitals.indicators.catalogue.Aggregation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;

/**
 * A sample's way into its pane: shipped from the source task to the window task (serialised and read back with the
 * serializer Flink picks for it), then added to the pane's accumulator, for the commonest aggregation (MEAN) and for
 * COVERAGE, which keeps sensor ids.
 */
@State(Scope.Thread)
public class AccumulateJmh {

    private final Sample sample = Sample.of("air.pm25", "310101", 42.5, false, "sh-310101-pm25-0007",
            1_795_680_003_250L);
    private final TypeSerializer<Sample> serializer = TypeInformation.of(Sample.class)
            .createSerializer(new SerializerConfigImpl());
    private final DataOutputSerializer out = new DataOutputSerializer(256);
    private final DataInputDeserializer in = new DataInputDeserializer();
    private Accumulator mean;
    private Accumulator coverage;

    @Setup
    public void fillPanes() {
        mean = new Accumulator();
        coverage = new Accumulator();
        for (int sensor = 0; sensor < 40; sensor++) {
            coverage.add(Sample.of("dq.air.completeness", "310101", 1, false, "sh-310101-pm25-" + sensor, 0),
                    Aggregation.COVERAGE);
        }
    }

    @Benchmark
    public Sample shipSample() throws IOException {
        out.clear();
        serializer.serialize(sample, out);
        in.setBuffer(out.getSharedBuffer(), 0, out.length());
        return serializer.deserialize(in);
    }

    @Benchmark
    public Accumulator addToMeanPane() {
        mean.add(sample, Aggregation.MEAN);
        return mean;
    }

    @Benchmark
    public Accumulator addToCoveragePane() {
        coverage.add(sample, Aggregation.COVERAGE);
        return coverage;
    }
}
