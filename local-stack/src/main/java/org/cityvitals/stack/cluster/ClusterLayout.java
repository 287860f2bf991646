package org.cityvitals.stack.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where the local cluster lives: its state folder and its ports, all derived from one base port so that the whole
 * cluster moves with one flag. The default base 19000 keeps clear of the demo (8080, 8081, 8123, 9000, 9092).
 *
 * <pre>
 *   Flink REST base+81, JobManager RPC base+123, blob server base+124, TaskManager RPC base+130..139
 *   Kafka brokers base+91..93, their controllers base+191..193
 *   ClickHouse shards HTTP base+181..182, native base+201..202, interserver base+211..212
 * </pre>
 */
public record ClusterLayout(Path dir, int basePort) {

    public static final int DEFAULT_BASE_PORT = 19000;
    public static final int BROKERS = 3;
    public static final int SHARDS = 2;
    public static final int TASK_MANAGERS = 2;
    public static final int SLOTS_PER_TASK_MANAGER = 2;
    /** The ClickHouse cluster name in {@code remote_servers}, used by the Distributed tables. */
    public static final String CLICKHOUSE_CLUSTER = "cityvitals";

    public ClusterLayout {
        if (basePort < 1024 || basePort > 65535 - 300) {
            throw new IllegalArgumentException("base port must be between 1024 and 65235, got " + basePort);
        }
    }

    public int flinkRestPort() {
        return basePort + 81;
    }

    public int jobManagerRpcPort() {
        return basePort + 123;
    }

    public int blobServerPort() {
        return basePort + 124;
    }

    /** A range: each TaskManager takes the next free port in it. */
    public String taskManagerRpcPorts() {
        return (basePort + 130) + "-" + (basePort + 139);
    }

    /** The dashboard server a drill runs against the cluster (not one of the cluster's own processes). */
    public int dashboardPort() {
        return basePort + 88;
    }

    public int kafkaPort(int broker) {
        return basePort + 91 + broker;
    }

    public int kafkaControllerPort(int broker) {
        return basePort + 191 + broker;
    }

    public int clickHouseHttpPort(int shard) {
        return basePort + 181 + shard;
    }

    public int clickHouseTcpPort(int shard) {
        return basePort + 201 + shard;
    }

    public int clickHouseInterserverPort(int shard) {
        return basePort + 211 + shard;
    }

    public String kafkaBootstrap() {
        return String.join(",", IntStream.range(0, BROKERS).mapToObj(b -> "127.0.0.1:" + kafkaPort(b)).toList());
    }

    public String flinkRestUrl() {
        return "http://127.0.0.1:" + flinkRestPort();
    }

    /** JDBC URL of shard {@code shard}'s {@code default} database (every shard answers for the whole cluster). */
    public String clickHouseUrl(int shard) {
        return "jdbc:clickhouse://127.0.0.1:" + clickHouseHttpPort(shard) + "/default";
    }

    /** Every port the cluster opens, for the check before anything starts. */
    public List<Integer> fixedPorts() {
        List<Integer> ports = new java.util.ArrayList<>(List.of(flinkRestPort(), jobManagerRpcPort(),
                blobServerPort()));
        for (int b = 0; b < BROKERS; b++) {
            ports.add(kafkaPort(b));
            ports.add(kafkaControllerPort(b));
        }
        for (int s = 0; s < SHARDS; s++) {
            ports.add(clickHouseHttpPort(s));
            ports.add(clickHouseTcpPort(s));
            ports.add(clickHouseInterserverPort(s));
        }
        return ports;
    }

    public Path stateFile() {
        return dir.resolve("cluster.properties");
    }
}
