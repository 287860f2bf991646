package org.cityvitals.dashboard;

import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dashboard's command line: the flags become a configuration, secrets never come from the command line. */
class DashboardCommandTest {

    @TempDir
    Path dir;

    @Test
    void flagsBecomeTheConfiguration() throws Exception {
        Path users = Files.writeString(dir.resolve("users.json"), "[]");
        DashboardConfig config = parse(Map.of(), "--kafka", "k:1", "--clickhouse", "jdbc:clickhouse://c:2/x",
                "--database", "cv2", "--port", "9000", "--host", "0.0.0.0", "--users", users.toString(),
                "--catch-up", "30m", "--max-sockets-per-user", "7000", "--max-connections-per-address", "6000",
                "--idle-timeout", "90s");
        assertThat(config.kafkaBootstrap()).isEqualTo("k:1");
        assertThat(config.clickHouseJdbcUrl()).isEqualTo("jdbc:clickhouse://c:2/x");
        assertThat(config.clickHouseDatabase()).isEqualTo("cv2");
        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.usersFile()).isEqualTo(users);
        assertThat(config.demoAccounts()).isFalse();
        assertThat(config.catchUp()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.limits().maxSocketsPerUser()).isEqualTo(7000);
        assertThat(config.limits().maxConnectionsPerAddress()).isEqualTo(6000);
        assertThat(config.limits().idleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.jwtSecret()).as("no secret given: the server draws a random one").isNull();
        assertThat(config.tls()).isNull();
    }

    @Test
    void withoutUsersTheServerDoesNotStartUnlessTheDemoFlagIsGiven() {
        assertThatThrownBy(() -> parse(Map.of())).hasMessageContaining("--users FILE")
                .hasMessageContaining("--demo-accounts");
        assertThat(parse(Map.of(), "--demo-accounts").demoAccounts()).isTrue();
    }

    @Test
    void secretsComeFromFilesOrTheEnvironment() throws Exception {
        Path secret = Files.writeString(dir.resolve("jwt"), "from-a-file\n");
        assertThat(parse(Map.of(), "--demo-accounts", "--jwt-secret-file", secret.toString()).jwtSecret())
                .isEqualTo("from-a-file");
        assertThat(parse(Map.of(DashboardCommand.JWT_SECRET_ENV, "from-env"), "--demo-accounts").jwtSecret())
                .isEqualTo("from-env");
        Path keystore = dir.resolve("server.p12");
        assertThatThrownBy(() -> parse(Map.of(), "--demo-accounts", "--tls-keystore", keystore.toString()))
                .hasMessageContaining("--tls-password-file");
        DashboardConfig tls = parse(Map.of(DashboardCommand.TLS_PASSWORD_ENV, "changeit"), "--demo-accounts",
                "--tls-keystore", keystore.toString());
        assertThat(tls.tls().keyStore()).isEqualTo(keystore);
        assertThat(tls.tls().password()).isEqualTo("changeit");
    }

    @Test
    void answersHelpAndRefusesUnknownFlagsWithASuggestion() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Cli.run(new DashboardCommand(), new String[] {"--help"}, new PrintWriter(out),
                new PrintWriter(err))).isZero();
        assertThat(out.toString()).contains("--max-sockets-per-user", "--max-connections-per-address", "--users",
                "--demo-accounts", "--jwt-secret-file", "--tls-keystore");
        assertThat(Cli.run(new DashboardCommand(), new String[] {"--max-socket-per-user", "5"},
                new PrintWriter(new StringWriter()), new PrintWriter(err))).isEqualTo(2);
        assertThat(err.toString()).contains("--max-socket-per-user", "--max-sockets-per-user");
    }

    @Test
    void situationFlagsNameTheRosterAndAWebhookWhoseSecretNeverComesFromTheCommandLine() throws Exception {
        Path roster = dir.resolve("duty.yaml");
        Path secret = Files.writeString(dir.resolve("hook"), "hook-secret\n");
        DashboardCommand command = new DashboardCommand(Map.of());
        Cli.of(command).parseArgs("--demo-accounts", "--duty-roster", roster.toString(), "--webhook",
                "https://gateway.example/hook", "--webhook-secret-file", secret.toString(), "--webhook-clearance",
                "internal");
        assertThat(command.situations().rosterFile()).isEqualTo(roster);
        assertThat(command.situations().webhook().url()).isEqualTo("https://gateway.example/hook");
        assertThat(new String(command.situations().webhook().secret(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("hook-secret");
        assertThat(command.situations().webhook().clearance()).isEqualTo(Clearance.INTERNAL);
        DashboardCommand undeclared = new DashboardCommand(Map.of());
        Cli.of(undeclared).parseArgs("--demo-accounts", "--webhook", "https://gateway.example/hook",
                "--webhook-secret-file", secret.toString());
        assertThatThrownBy(undeclared::situations).hasMessageContaining("--webhook needs --webhook-clearance");
        DashboardCommand misspelt = new DashboardCommand(Map.of());
        Cli.of(misspelt).parseArgs("--demo-accounts", "--webhook", "https://gateway.example/hook",
                "--webhook-secret-file", secret.toString(), "--webhook-clearance", "secret");
        assertThatThrownBy(misspelt::situations).hasMessage("--webhook-clearance secret: expected open, internal or"
                + " sensitive");
        DashboardCommand unsigned = new DashboardCommand(Map.of());
        Cli.of(unsigned).parseArgs("--demo-accounts", "--webhook", "https://gateway.example/hook");
        assertThatThrownBy(unsigned::situations).hasMessage("--webhook needs a signing secret:"
                + " --webhook-secret-file FILE or $" + DashboardCommand.WEBHOOK_SECRET_ENV);
        DashboardCommand plain = new DashboardCommand(Map.of());
        Cli.of(plain).parseArgs("--demo-accounts");
        assertThat(plain.situations().webhook()).isNull();
        assertThat(plain.situations().rulesFile()).as("the shipped rules").isNull();
    }

    private static DashboardConfig parse(Map<String, String> environment, String... args) {
        DashboardCommand command = new DashboardCommand(environment);
        Cli.of(command).parseArgs(args);
        return command.config();
    }
}
