package org.cityvitals.dashboard;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DashboardConfigTest {

    @Test
    void flagsOverrideTheDefaults() {
        DashboardConfig config = DashboardConfig.fromArgs("--kafka", "k:9092", "--clickhouse", "jdbc:clickhouse://c/db",
                "--port", "9090", "--catch-up-minutes", "5");
        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.catchUp()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.cityProfileId()).isEqualTo("shanghai");
        assertThat(config.usersFile()).isNull();
    }

    @Test
    void badFlagsAreNamedInTheError() {
        assertThatThrownBy(() -> DashboardConfig.fromArgs("--kafka", "k:9092"))
                .hasMessageContaining("--clickhouse JDBC-URL");
        assertThatThrownBy(() -> DashboardConfig.fromArgs("--prot", "8080"))
                .hasMessageContaining("unknown flag --prot");
        assertThatThrownBy(() -> DashboardConfig.fromArgs("--kafka", "k", "--clickhouse", "c", "--port", "eighty"))
                .hasMessageContaining("--port needs a whole number, was 'eighty'");
        assertThatThrownBy(() -> DashboardConfig.fromArgs("--kafka", "k", "--clickhouse", "c", "--port", "70000"))
                .hasMessageContaining("port must be 0..65535");
    }
}
