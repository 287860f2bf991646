package org.cityvitals.jobs.window;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.triggers.EventTimeTrigger;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.jobs.CatalogueText;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Event-time windows whose size and slide come from each sample's catalogue entry, so one keyed window operator
 * serves every indicator: a 1-minute tumbling PM2.5 mean and a 1-hour sliding hotline count side by side.
 * Windows are aligned to the epoch (like Flink's own assigners), hence to whole minutes and hours in UTC.
 */
public final class CatalogueWindows extends WindowAssigner<Sample, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final CatalogueText catalogue;
    private transient Map<String, long[]> sizeAndSlide;

    public CatalogueWindows(CatalogueText catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Collection<TimeWindow> assignWindows(Sample sample, long timestamp, WindowAssignerContext context) {
        long[] spec = spec(sample.indicatorId());
        long size = spec[0];
        long slide = spec[1];
        List<TimeWindow> windows = new ArrayList<>((int) (size / slide));
        long lastStart = TimeWindow.getWindowStartWithOffset(timestamp, 0, slide);
        for (long start = lastStart; start > timestamp - size; start -= slide) {
            windows.add(new TimeWindow(start, start + size));
        }
        return windows;
    }

    private long[] spec(String indicatorId) {
        if (sizeAndSlide == null) {
            Map<String, long[]> specs = new HashMap<>();
            for (IndicatorDefinition d : catalogue.get().all()) {
                specs.put(d.id(), new long[] {d.window().size().toMillis(), d.window().slide().toMillis()});
            }
            sizeAndSlide = specs;
        }
        long[] spec = sizeAndSlide.get(indicatorId);
        if (spec == null) {
            throw new IllegalStateException("sample for indicator " + indicatorId + " not in the catalogue");
        }
        return spec;
    }

    @Override
    public Trigger<Sample, TimeWindow> getDefaultTrigger() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Trigger<Sample, TimeWindow> trigger = (Trigger) EventTimeTrigger.create();
        return trigger;
    }

    @Override
    public TypeSerializer<TimeWindow> getWindowSerializer(ExecutionConfig executionConfig) {
        return new TimeWindow.Serializer();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public String toString() {
        return "CatalogueWindows";
    }
}
