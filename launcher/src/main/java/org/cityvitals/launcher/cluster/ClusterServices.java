package org.cityvitals.launcher.cluster;

import org.cityvitals.indicators.Topics;
import org.cityvitals.stack.cluster.ClusterLayout;
import org.cityvitals.stack.cluster.KafkaCluster;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.distributed.DistributedSchema;
import org.cityvitals.store.dimension.DimensionLoader;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** What the platform needs on a fresh cluster: its topics, the sharded schema and the dimension tables. */
final class ClusterServices {

    /** At least the job's parallelism on the cluster (2), so every source subtask reads. */
    static final int PARTITIONS = 4;

    private ClusterServices() {}

    static List<ClickHouse> shards(ClusterLayout layout) {
        return IntStream.range(0, ClusterLayout.SHARDS).mapToObj(s -> new ClickHouse(layout.clickHouseUrl(s)))
                .toList();
    }

    static void createTopics(ClusterLayout layout) {
        KafkaCluster.createTopics(layout.kafkaBootstrap(), PARTITIONS, Topics.all());
    }

    /** The sharded schema for {@code database} on the local cluster and, on every server, its dimension tables. */
    static void applySchema(ClusterLayout layout, String database) throws SQLException {
        applySchema(shards(layout), ClusterLayout.CLICKHOUSE_CLUSTER, database, false);
    }

    /** The sharded schema on any cluster: every server (each replica of each shard) and the dimension tables. */
    static void applySchema(List<ClickHouse> servers, String cluster, String database, boolean replicated)
            throws SQLException {
        new DistributedSchema(servers, cluster, database, replicated).apply();
        for (ClickHouse server : servers) {
            new DimensionLoader(server, database).load(Instant.now());
        }
    }
}
