package org.cityvitals.dashboard;

import org.cityvitals.dashboard.situation.SituationSettings;
import org.cityvitals.dashboard.situation.WebhookNotifier;
import io.vertx.core.Vertx;
import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.cli.Cli;
import org.cityvitals.indicators.cli.ClickHouseOptions;
import org.cityvitals.indicators.cli.KafkaOption;
import org.cityvitals.indicators.cli.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code cityvitals dashboard}, and the dashboard server's own {@code main}: starts the server and runs until
 * stopped. Secrets never come from the command line ({@code ps} shows it to every local user): the token secret
 * and the keystore password come from files or environment variables.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true, defaultValueProvider = DashboardCommand.Defaults.class,
        description = "Runs the dashboard server: REST, WebSocket push, login and alert actions.")
public final class DashboardCommand implements Callable<Integer> {

    /** Environment variable holding the token secret when no --jwt-secret-file is given. */
    public static final String JWT_SECRET_ENV = "CITYVITALS_JWT_SECRET";
    /** Environment variable holding the keystore password when no --tls-password-file is given. */
    public static final String TLS_PASSWORD_ENV = "CITYVITALS_TLS_PASSWORD";
    /** Environment variable holding the webhook signing secret when no --webhook-secret-file is given. */
    public static final String WEBHOOK_SECRET_ENV = "CITYVITALS_WEBHOOK_SECRET";

    @Spec
    private CommandSpec spec;
    @Mixin
    private KafkaOption kafka;
    @Mixin
    private ClickHouseOptions clickHouse;

    @Mixin
    private ServerOptions server;
    @Option(names = "--users", paramLabel = "FILE", description = "users file (JSON; dashboard-server/README.md)")
    private Path users;
    @Option(names = "--demo-accounts", description = "serve the built-in demo accounts (ops/ops …): demo only")
    private boolean demoAccounts;
    @Option(names = "--jwt-secret-file", paramLabel = "FILE",
            description = "file holding the token secret shared by all instances (default: $" + JWT_SECRET_ENV
                    + ", else a random one)")
    private Path jwtSecretFile;
    @Option(names = "--catch-up", defaultValue = "15m", paramLabel = "DURATION",
            description = "Kafka history replayed on start, which clients can resume within (default: ${DEFAULT-VALUE})")
    private Duration catchUp;
    @Option(names = "--max-sockets-per-user", paramLabel = "N",
            description = "open WebSockets per user (default: ${DEFAULT-VALUE})")
    private int maxSocketsPerUser = DashboardConfig.Limits.DEFAULT.maxSocketsPerUser();
    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "PKCS#12 (or .jks) keystore: serve HTTPS/WSS")
    private Path tlsKeyStore;
    @Option(names = "--tls-password-file", paramLabel = "FILE",
            description = "file holding the keystore password (default: $" + TLS_PASSWORD_ENV + ")")
    private Path tlsPasswordFile;

    @Option(names = "--situation-rules", paramLabel = "FILE",
            description = "grouping, inhibition and escalation rules (default: the shipped catalogue/situations.yaml)")
    private Path situationRules;
    @Option(names = "--duty-roster", paramLabel = "FILE",
            description = "who is on duty, per duty and area (YAML; dashboard-server/README.md)")
    private Path dutyRoster;
    @Option(names = "--webhook", paramLabel = "URL", description = "where escalations are POSTed, signed")
    private String webhook;
    @Option(names = "--webhook-secret-file", paramLabel = "FILE",
            description = "file holding the webhook signing secret (default: $" + WEBHOOK_SECRET_ENV + ")")
    private Path webhookSecretFile;
    @Option(names = "--webhook-clearance", paramLabel = "CLASS", description = "the highest class of data the "
            + "webhook's receiver is cleared for: open, internal or sensitive (required with --webhook); situations "
            + "above it are withheld")
    private String webhookClearance;

    private final Map<String, String> environment;

    /** The dashboard's listening defaults, from {@link DashboardConfig}. */
    static final class Defaults extends ServerOptions.DefaultsProvider {
        @Override
        protected ServerOptions.Defaults defaults() {
            DashboardConfig.Limits limits = DashboardConfig.Limits.DEFAULT;
            return new ServerOptions.Defaults(DashboardConfig.DEFAULT_HOST, DashboardConfig.DEFAULT_PORT,
                    limits.maxConnections(), limits.maxConnectionsPerAddress(), limits.idleTimeout());
        }
    }

    public DashboardCommand() {
        this(System.getenv());
    }

    DashboardCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(Cli.of(new DashboardCommand()).execute(args));
    }

    /** The configuration the flags describe. @throws IllegalArgumentException naming the flag at fault */
    DashboardConfig config() {
        if ((users == null) == !demoAccounts) {
            throw new IllegalArgumentException(users == null
                    ? "no users: give --users FILE, or --demo-accounts for a demo with the built-in accounts"
                    : "--users and --demo-accounts exclude each other");
        }
        DashboardConfig.Limits defaults = DashboardConfig.Limits.DEFAULT;
        DashboardConfig config = new DashboardConfig(server.host(), server.port(), kafka.bootstrapServers(), clickHouse.url(),
                clickHouse.database(), users, demoAccounts, secret(jwtSecretFile, JWT_SECRET_ENV, "--jwt-secret-file"),
                catchUp, new DashboardConfig.Limits(server.maxConnections(), server.maxConnectionsPerAddress(),
                        maxSocketsPerUser, server.idleTimeout(), defaults.alertLogSize(), defaults.maxQueuedPerClient()),
                null, Clock.systemUTC());
        if (tlsKeyStore != null) {
            String password = secret(tlsPasswordFile, TLS_PASSWORD_ENV, "--tls-password-file");
            if (password == null) {
                throw new IllegalArgumentException("--tls-keystore needs its password: --tls-password-file FILE or $"
                        + TLS_PASSWORD_ENV);
            }
            config = config.withTls(new DashboardConfig.Tls(tlsKeyStore, password));
        }
        return config;
    }

    /** How situations are derived and escalated, as the flags say. @throws IllegalArgumentException naming the flag */
    SituationSettings situations() {
        SituationSettings settings = SituationSettings.defaults().withRules(situationRules).withRoster(dutyRoster);
        if (webhook == null) {
            return settings;
        }
        String secret = secret(webhookSecretFile, WEBHOOK_SECRET_ENV, "--webhook-secret-file");
        if (secret == null) {
            throw new IllegalArgumentException("--webhook needs a signing secret: --webhook-secret-file FILE or $"
                    + WEBHOOK_SECRET_ENV);
        }
        if (webhookClearance == null) {
            throw new IllegalArgumentException("--webhook needs --webhook-clearance open|internal|sensitive: the"
                    + " highest class of data its receiver is cleared for");
        }
        Clearance clearance;
        try {
            clearance = WireNames.parse(Clearance.class, webhookClearance);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--webhook-clearance " + webhookClearance
                    + ": expected open, internal or sensitive");
        }
        return settings.withWebhook(WebhookNotifier.Settings.of(webhook, secret.getBytes(StandardCharsets.UTF_8),
                clearance));
    }

    /** A secret from its file, else from its environment variable; null when neither is given. */
    private String secret(Path file, String variable, String flag) {
        if (file != null) {
            try {
                return Files.readString(file).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException(flag + ": cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        String value = environment.get(variable);
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public Integer call() throws InterruptedException {
        DashboardConfig config = config();
        SituationSettings situations = situations();
        Vertx vertx = DashboardMetrics.newVertx();
        DashboardServer server;
        try {
            server = DashboardServer.start(vertx, config, situations).await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            spec.commandLine().getErr().println("dashboard: " + e.getMessage());
            vertx.close();
            return 1;
        }
        spec.commandLine().getOut().println("CityVitals dashboard on " + (config.tls() == null ? "http" : "https")
                + "://" + config.host() + ":" + server.port() + "/");
        spec.commandLine().getOut().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close().await();
            vertx.close().await();
            stopped.countDown();
        }, "dashboard-stop"));
        stopped.await();
        return 0;
    }
}
