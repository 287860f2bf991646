package org.cityvitals.stack.cluster;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterLayoutTest {

    private final ClusterLayout layout = new ClusterLayout(Path.of("/tmp/c"), ClusterLayout.DEFAULT_BASE_PORT);

    @Test
    void everyPortIsDistinctAndNoneIsTheDemos() {
        List<Integer> ports = layout.fixedPorts();
        assertThat(new HashSet<>(ports)).hasSize(ports.size());
        // the demo's defaults (launcher/README.md): dashboard, gateway, ClickHouse HTTP and native, Kafka
        assertThat(ports).doesNotContain(8080, 8081, 8123, 9000, 9092);
        assertThat(layout.kafkaBootstrap()).isEqualTo("127.0.0.1:19091,127.0.0.1:19092,127.0.0.1:19093");
        assertThat(layout.flinkRestUrl()).isEqualTo("http://127.0.0.1:19081");
    }

    @Test
    void aBasePortThatLeavesNoRoomIsRefused() {
        assertThatThrownBy(() -> new ClusterLayout(Path.of("/tmp/c"), 65400)).hasMessageContaining("base port");
        assertThatThrownBy(() -> new ClusterLayout(Path.of("/tmp/c"), 80)).hasMessageContaining("base port");
    }

    @Test
    void remoteServersNameBothShardsByTheirNativePorts() {
        String xml = ClickHouseShards.remoteServers(layout);
        assertThat(xml).contains("<" + ClusterLayout.CLICKHOUSE_CLUSTER + ">")
                .contains("<port>19201</port>").contains("<port>19202</port>");
        assertThat(xml.split("<shard>")).hasSize(3);
    }
}
