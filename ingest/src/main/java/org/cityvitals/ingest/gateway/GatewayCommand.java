package org.cityvitals.ingest.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import org.cityvitals.indicators.Durations;
import org.cityvitals.indicators.cli.Cli;
import org.cityvitals.indicators.cli.KafkaOption;
import org.cityvitals.indicators.cli.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code cityvitals gateway}, also the main class of the gateway's own jar ({@code ingest-*-gateway.jar}): runs the
 * HTTP ingest gateway alone against any Kafka, with Micrometer metrics (HTTP server, JVM, Kafka producer) on
 * {@code /metrics}, until Ctrl-C. API keys come from a file so that no secret shows in the process list.
 */
@Command(name = "gateway", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = GatewayCommand.Defaults.class,
        description = "Run the HTTP ingest gateway (readings and incidents of every city, API keys scoped to sources "
                + "and districts) until Ctrl-C.")
public final class GatewayCommand implements Callable<Integer> {

    @Option(names = "--api-keys", required = true, paramLabel = "FILE",
            description = "JSON array of keys: {\"id\": \"field-team-1\", \"key\": \"…\", \"sources\": [\"readings\"],"
                    + " \"areas\": [\"310101\", \"110000\"]}; sources and areas left out or empty allow all")
    private Path apiKeys;

    @Mixin
    private KafkaOption kafka;

    @Mixin
    private ServerOptions server;

    @Option(names = "--body-limit", paramLabel = "BYTES", defaultValue = "" + GatewayConfig.DEFAULT_BODY_LIMIT,
            description = "larger bodies get 413 (default: ${DEFAULT-VALUE})")
    private long bodyLimit;

    @Option(names = "--max-items", paramLabel = "N", defaultValue = "" + GatewayConfig.DEFAULT_MAX_ITEMS,
            description = "requests with more items get 413 (default: ${DEFAULT-VALUE})")
    private int maxItems;

    @Option(names = "--max-clock-skew", paramLabel = "DURATION", defaultValue = GatewayConfig.DEFAULT_CLOCK_SKEW,
            description = "items stamped further in the future are rejected (default: ${DEFAULT-VALUE})")
    private Duration maxClockSkew;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "" + GatewayConfig.DEFAULT_WORKERS,
            description = "threads that split and validate requests (default: ${DEFAULT-VALUE})")
    private int workers;

    @Option(names = "--requests-per-key", paramLabel = "N", defaultValue = "" + GatewayConfig.DEFAULT_REQUESTS_PER_KEY,
            description = "requests of one key validated at once; more get 429 (default: ${DEFAULT-VALUE})")
    private int requestsPerKey;

    @Option(names = "--request-timeout", paramLabel = "DURATION", defaultValue = GatewayConfig.DEFAULT_REQUEST_TIMEOUT,
            description = "a request not answered within this gets 503 (default: ${DEFAULT-VALUE})")
    private Duration requestTimeout;

    @Spec
    private CommandSpec spec;

    /** The gateway's listening defaults, from {@link GatewayConfig}. */
    static final class Defaults extends ServerOptions.DefaultsProvider {
        @Override
        protected ServerOptions.Defaults defaults() {
            return new ServerOptions.Defaults(GatewayConfig.DEFAULT_HOST, GatewayConfig.DEFAULT_PORT,
                    GatewayConfig.DEFAULT_MAX_CONNECTIONS, GatewayConfig.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
                    Durations.parse(GatewayConfig.DEFAULT_IDLE_TIMEOUT));
        }
    }

    public static void main(String[] args) {
        System.exit(Cli.run(new GatewayCommand(), args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** The deployment JSON of the verticle, from the flags. */
    JsonObject config() throws IOException {
        JsonArray keys;
        try {
            keys = new JsonArray(Files.readString(apiKeys));
        } catch (DecodeException e) {
            throw new IllegalArgumentException("--api-keys " + apiKeys + " is not a JSON array of keys: "
                    + e.getMessage());
        }
        return new JsonObject().put("host", server.host()).put("port", server.port())
                .put("bootstrapServers", kafka.bootstrapServers())
                .put("apiKeys", keys).put("bodyLimitBytes", bodyLimit).put("maxItems", maxItems)
                .put("maxClockSkew", Durations.format(maxClockSkew)).put("workers", workers)
                .put("requestsPerKey", requestsPerKey).put("maxConnections", server.maxConnections())
                .put("maxConnectionsPerAddress", server.maxConnectionsPerAddress())
                .put("idleTimeout", Durations.format(server.idleTimeout()))
                .put("requestTimeout", Durations.format(requestTimeout));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isReadable(apiKeys)) {
            throw new IllegalArgumentException("--api-keys " + apiKeys + ": no such readable file");
        }
        IngestGatewayVerticle gateway = new IngestGatewayVerticle(config());
        Vertx vertx = Vertx.builder().with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
                        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
                        .setJvmMetricsEnabled(true).setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory()).build();
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            vertx.deployVerticle(gateway).await(60, TimeUnit.SECONDS);
            out.printf("ingest gateway on http://%s:%d/ingest/readings (Kafka %s); Ctrl-C stops it%n", server.host(),
                    gateway.actualPort(), kafka.bootstrapServers());
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    vertx.close().await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    out.println("gateway: stopping took too long: " + e);
                } finally {
                    stopped.countDown();
                }
            }, "gateway-shutdown"));
            stopped.await();
            return 0;
        } catch (Exception e) {
            out.println("gateway: cannot start: " + e.getMessage());
            vertx.close().await(30, TimeUnit.SECONDS);
            return 1;
        }
    }
}
