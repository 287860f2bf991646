package org.cityvitals.dashboard;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The server starts alone from its own jar, with the flags of {@code cityvitals dashboard}, and stops on SIGTERM. */
class DashboardJarIT {

    @Test
    void theServerJarAnswersHelpRefusesToStartWithoutUsersAndServesWithThem() throws Exception {
        Path jar = serverJar();
        Process help = java(jar, "--help");
        assertThat(help.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(help.exitValue()).isZero();
        assertThat(output(help)).contains("--max-sockets-per-user", "--users", "--demo-accounts");

        TestStack stack = TestStack.get();
        String clickHouse = stack.config().clickHouseJdbcUrl();
        Process noUsers = java(jar, "--kafka", stack.kafka, "--clickhouse", clickHouse, "--port", "0");
        assertThat(noUsers.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(noUsers.exitValue()).isEqualTo(2);
        assertThat(output(noUsers)).contains("no users", "--users FILE");

        int port = freePort();
        Process server = java(jar, "--kafka", stack.kafka, "--clickhouse", clickHouse, "--port",
                Integer.toString(port), "--demo-accounts");
        try {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            int status = 0;
            while (status != 200 && System.nanoTime() < deadline && server.isAlive()) {
                Thread.sleep(250);
                try {
                    status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException notYet) {
                    status = 0;
                }
            }
            assertThat(status).as("GET /ready of the jar's server").isEqualTo(200);
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
        }
    }

    private static Path serverJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().endsWith("-server.jar")).toList();
            assertThat(jars).as("the shaded server jar in target/").hasSize(1);
            return jars.get(0);
        }
    }

    private static Process java(Path jar, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                jar.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String output(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
