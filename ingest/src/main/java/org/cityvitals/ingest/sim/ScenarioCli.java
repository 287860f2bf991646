package org.cityvitals.ingest.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code scenario --scenario NAME --districts CODE,CODE --minutes M [--gateway URL] --key API_KEY}: injects a
 * scenario into the simulator of a running demo through the gateway's {@code POST /ingest/scenarios}.
 */
public final class ScenarioCli {
    static final String USAGE = """
            usage: scenario --scenario NAME --districts 310101,310104 --minutes M --key API_KEY
                            [--gateway http://127.0.0.1:8081]
            """;

    private ScenarioCli() {
    }

    public static int run(String[] args, PrintStream out) {
        String body;
        CliFlags flags;
        try {
            flags = new CliFlags(args);
            Scenario scenario = flags.scenario("--scenario");
            String districts = String.join("\",\"", flags.list("--districts"));
            body = "{\"scenario\":\"" + scenario.code() + "\",\"districts\":[\"" + districts + "\"],\"minutes\":"
                    + flags.positive("--minutes", 30) + "}";
            if (!flags.has("--key")) throw new IllegalArgumentException("missing --key");
        } catch (IllegalArgumentException e) {
            out.println("scenario: " + e.getMessage());
            out.print(USAGE);
            return 2;
        }
        String gateway = flags.text("--gateway", "http://127.0.0.1:8081");
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/ingest/scenarios"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + flags.text("--key", ""))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            out.println(response.statusCode() + " " + response.body());
            return response.statusCode() == 202 ? 0 : 1;
        } catch (IOException e) {
            out.println("scenario: cannot reach the gateway at " + gateway + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
