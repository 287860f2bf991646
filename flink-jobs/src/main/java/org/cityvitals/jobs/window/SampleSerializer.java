package org.cityvitals.jobs.window;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

import java.io.IOException;

/**
 * Ships a {@link Sample} from the source task to the window task, written field by field. Flink's record serializer
 * reads each field by reflection and builds the record through its reflective constructor, with a null flag per
 * field; every reading becomes three or four samples, so that was a seventh of the source thread and a third of the
 * window thread. Samples are never kept in state (panes keep accumulators), so this format lives only on the wire
 * between two tasks of one job and may change with the job.
 */
public final class SampleSerializer extends TypeSerializerSingleton<Sample> {

    private static final long serialVersionUID = 1L;
    public static final SampleSerializer INSTANCE = new SampleSerializer();
    private static final int WITHIN_RANGE = 1;
    private static final int PRESENCE = 2;
    /** Set when the weight is above 1; the weight then follows the timestamp. */
    private static final int WEIGHTED = 4;

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public Sample createInstance() {
        return Sample.presence("", "", 0);
    }

    @Override
    public Sample copy(Sample from) {
        return from;
    }

    @Override
    public Sample copy(Sample from, Sample reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Sample sample, DataOutputView target) throws IOException {
        StringValue.writeString(sample.indicatorId(), target);
        StringValue.writeString(sample.district(), target);
        target.writeDouble(sample.value());
        boolean weighted = sample.weight() > 1;
        target.writeByte((sample.withinRange() ? WITHIN_RANGE : 0) | (sample.presence() ? PRESENCE : 0)
                | (weighted ? WEIGHTED : 0));
        StringValue.writeString(sample.sensorId(), target);
        target.writeLong(sample.timestamp());
        if (weighted) {
            target.writeLong(sample.weight());
        }
    }

    @Override
    public Sample deserialize(DataInputView source) throws IOException {
        String indicatorId = StringValue.readString(source);
        String district = StringValue.readString(source);
        double value = source.readDouble();
        int flags = source.readByte();
        String sensorId = StringValue.readString(source);
        long timestamp = source.readLong();
        long weight = (flags & WEIGHTED) != 0 ? source.readLong() : 1;
        return new Sample(indicatorId, district, value, (flags & WITHIN_RANGE) != 0, sensorId, timestamp,
                (flags & PRESENCE) != 0, weight);
    }

    @Override
    public Sample deserialize(Sample reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<Sample> snapshotConfiguration() {
        return new Snapshot();
    }

    /** What a checkpoint would record of this serializer; it has no configuration. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Sample> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
