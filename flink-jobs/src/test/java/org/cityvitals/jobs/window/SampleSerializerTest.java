package org.cityvitals.jobs.window;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every field of a sample survives the hop between tasks, and Flink picks this serializer for samples. */
class SampleSerializerTest {

    private static final List<Sample> SAMPLES = List.of(
            Sample.of("air.pm25", "310101", 42.5, false, "sh-310101-pm25-0007", 1_795_680_003_250L),
            Sample.of("water.ponding", "110105", -0.0, true, "北京-积水-3", Long.MIN_VALUE),
            Sample.of("dq.air.completeness", "310000", Double.MAX_VALUE, true, "", 0),
            Sample.presence("incidents.open", "310115", 1_795_680_000_000L),
            Sample.combined("dq.air.freshness", "310101", "", 1_795_680_000_000L, 1_234_567_890_123L));

    @Test
    void everyFieldSurvivesTheHop() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (Sample sample : SAMPLES) {
            SampleSerializer.INSTANCE.serialize(sample, out);
        }
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        for (Sample sample : SAMPLES) {
            assertThat(SampleSerializer.INSTANCE.deserialize(in)).isEqualTo(sample);
        }
        assertThat(in.available()).isZero();
    }

    @Test
    void copyingBetweenViewsKeepsTheBytes() throws IOException {
        DataOutputSerializer original = new DataOutputSerializer(64);
        SampleSerializer.INSTANCE.serialize(SAMPLES.get(1), original);
        DataOutputSerializer copy = new DataOutputSerializer(64);
        SampleSerializer.INSTANCE.copy(new DataInputDeserializer(original.getCopyOfBuffer()), copy);
        assertThat(copy.getCopyOfBuffer()).isEqualTo(original.getCopyOfBuffer());
    }

    @Test
    void flinkShipsSamplesWithIt() {
        TypeSerializer<Sample> chosen = TypeInformation.of(Sample.class).createSerializer(new SerializerConfigImpl());
        assertThat(chosen).isSameAs(SampleSerializer.INSTANCE);
    }

    @Test
    void itsSnapshotRestoresIt() throws IOException {
        TypeSerializerSnapshot<Sample> snapshot = SampleSerializer.INSTANCE.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(16);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        TypeSerializerSnapshot<Sample> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        assertThat(read.restoreSerializer()).isSameAs(SampleSerializer.INSTANCE);
        assertThat(SampleSerializer.INSTANCE.snapshotConfiguration()
                .resolveSchemaCompatibility(read).isCompatibleAsIs()).isTrue();
    }
}
