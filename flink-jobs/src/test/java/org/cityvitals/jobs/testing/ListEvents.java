package org.cityvitals.jobs.testing;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.jobs.source.DecodedEvent;
import org.cityvitals.jobs.source.EventSource;

import java.util.ArrayList;
import java.util.List;

/** A fixed list of events as the job's source, in the order given: the topology's in-memory test source. */
public final class ListEvents implements EventSource {

    private static final long serialVersionUID = 1L;

    private final List<DecodedEvent> events;

    private ListEvents(List<DecodedEvent> events) {
        this.events = events;
    }

    public static ListEvents of(List<Reading> readings, List<Incident> incidents) {
        List<DecodedEvent> events = new ArrayList<>();
        readings.forEach(r -> events.add(new DecodedEvent(r, null, "cv.readings", null, null, 0)));
        incidents.forEach(i -> events.add(new DecodedEvent(null, i, "cv.incidents", null, null, 0)));
        events.sort(java.util.Comparator.comparingLong(DecodedEvent::eventTime));
        return new ListEvents(events);
    }

    @Override
    public DataStream<DecodedEvent> attach(StreamExecutionEnvironment env,
                                           WatermarkStrategy<DecodedEvent> watermarks) {
        return env.fromData(events, TypeInformation.of(DecodedEvent.class)).setParallelism(1)
                .assignTimestampsAndWatermarks(watermarks).setParallelism(1);
    }
}
