package org.cityvitals.jobs.window;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

import java.lang.reflect.Type;
import java.util.Map;

/** Tells Flink to ship {@link Sample}s with {@link SampleSerializer} (named on {@code Sample} by its factory). */
public final class SampleTypeInfo extends TypeInformation<Sample> {

    private static final long serialVersionUID = 1L;

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<Sample> getTypeClass() {
        return Sample.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<Sample> createSerializer(SerializerConfig config) {
        return SampleSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "Sample";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SampleTypeInfo;
    }

    @Override
    public int hashCode() {
        return SampleTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof SampleTypeInfo;
    }

    /** Named by {@code @TypeInfo} on {@link Sample}. */
    public static final class Factory extends TypeInfoFactory<Sample> {
        @Override
        public TypeInformation<Sample> createTypeInfo(Type type, Map<String, TypeInformation<?>> genericParameters) {
            return new SampleTypeInfo();
        }
    }
}
