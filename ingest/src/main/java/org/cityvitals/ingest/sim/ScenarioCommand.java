package org.cityvitals.ingest.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cityvitals.indicators.cli.Endpoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code cityvitals scenario}: injects a scenario into the simulator of a running demo through the gateway's
 * {@code POST /ingest/scenarios}. Exit 0 when the gateway took it (202), 1 otherwise.
 */
@Command(name = "scenario", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Inject a scenario into the simulator of a running demo, through the ingest gateway.")
public final class ScenarioCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    private ScenarioTarget target;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "30m",
            description = "how long it lasts in the simulated city (default: ${DEFAULT-VALUE})")
    private Duration duration;

    @Option(names = "--key", paramLabel = "API_KEY", defaultValue = "${env:CITYVITALS_API_KEY}",
            description = "the gateway's API key (default: the environment variable CITYVITALS_API_KEY, which keeps "
                    + "it out of the process list)")
    private String key;

    @Option(names = "--gateway", paramLabel = "URL", defaultValue = Endpoints.GATEWAY,
            description = "the ingest gateway (default: ${DEFAULT-VALUE})")
    private URI gateway;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Scenario chosen = target.scenario();
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("no API key: give --key or set CITYVITALS_API_KEY");
        }
        if (duration.isZero() || duration.toMinutes() > 24 * 60) {
            throw new IllegalArgumentException("--duration must be above 0 and at most 1d");
        }
        ObjectNode body = JSON.createObjectNode().put("scenario", chosen.code())
                .put("minutes", duration.toSeconds() / 60.0);
        target.districts().forEach(body.putArray("districts")::add);
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/ingest/scenarios"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            out.println(response.statusCode() + " " + response.body());
            return response.statusCode() == 202 ? 0 : 1;
        } catch (IOException e) {
            out.println("scenario: cannot reach the gateway at " + gateway + ": " + e.getMessage());
            return 1;
        }
    }
}
