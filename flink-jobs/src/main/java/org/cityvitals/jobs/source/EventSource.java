package org.cityvitals.jobs.source;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.Serializable;

/**
 * Where the job's events come from: Kafka in a deployment ({@link KafkaEvents}), a fixed list in tests. The topology
 * decides the watermark strategy; the source applies it where it belongs (inside the Kafka source, per partition).
 */
public interface EventSource extends Serializable {

    DataStream<DecodedEvent> attach(StreamExecutionEnvironment env, WatermarkStrategy<DecodedEvent> watermarks);
}
