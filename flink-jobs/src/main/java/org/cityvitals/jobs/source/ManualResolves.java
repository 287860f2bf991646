package org.cityvitals.jobs.source;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.cityvitals.jobs.alert.ManualResolve;

import java.io.Serializable;

/**
 * Where people's resolves reach the live job: {@code cv.alert-actions} in a deployment ({@link KafkaManualResolves}),
 * nothing in a backfill (its alerts are history nobody acts on). These records carry no event time: the source must
 * never hold back the job's watermark.
 */
public interface ManualResolves extends Serializable {

    DataStream<ManualResolve> attach(StreamExecutionEnvironment env);
}
