package org.cityvitals.stack.cluster;

import org.cityvitals.stack.ClickHouseServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Two private ClickHouse 18.16 servers, each one shard of the cluster {@value ClusterLayout#CLICKHOUSE_CLUSTER}
 * declared in both servers' {@code remote_servers}, so a {@code Distributed} table on either server reads and writes
 * both shards. One replica per shard: replication needs ZooKeeper on 18.16, which this machine does not run (the
 * Kubernetes manifests in deploy/ use ReplicatedReplacingMergeTree with two replicas per shard).
 */
public final class ClickHouseShards {

    private ClickHouseShards() {}

    /** Process name of shard {@code s} (0-based), as in the state file. */
    public static String processName(int s) {
        return "clickhouse-" + (s + 1);
    }

    /** Writes each shard's config with the cluster's {@code remote_servers}; returns how to start each. */
    public static List<ChildProcess> prepare(ClusterLayout layout) {
        List<ChildProcess> servers = new ArrayList<>();
        for (int s = 0; s < ClusterLayout.SHARDS; s++) {
            Path dir = layout.dir().resolve(processName(s));
            try {
                List<String> command = ClickHouseServer.writeConfig(dir, layout.clickHouseHttpPort(s),
                        layout.clickHouseTcpPort(s), layout.clickHouseInterserverPort(s));
                Files.createDirectories(dir.resolve("config.d"));
                Files.writeString(dir.resolve("config.d/remote_servers.xml"), remoteServers(layout));
                servers.add(new ChildProcess(processName(s), command, dir, dir.resolve("log/stdout.log")));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare " + dir, e);
            }
        }
        return servers;
    }

    static String remoteServers(ClusterLayout layout) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!-- written by CityVitals local-stack -->\n"
                + "<yandex>\n  <remote_servers>\n    <" + ClusterLayout.CLICKHOUSE_CLUSTER + ">\n");
        for (int s = 0; s < ClusterLayout.SHARDS; s++) {
            xml.append("      <shard><replica><host>127.0.0.1</host><port>").append(layout.clickHouseTcpPort(s))
                    .append("</port></replica></shard>\n");
        }
        return xml.append("    </").append(ClusterLayout.CLICKHOUSE_CLUSTER).append(">\n  </remote_servers>\n")
                .append("</yandex>\n").toString();
    }

    public static void awaitReady(ClusterLayout layout, int shard, Duration timeout) {
        Await.until(processName(shard) + " to answer /ping", timeout,
                () -> ClickHouseServer.ping(layout.clickHouseHttpPort(shard)),
                () -> "see " + layout.dir().resolve(processName(shard)).resolve("log"));
    }
}
