package org.cityvitals.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private ClickHouse server running as a child process, with its own config and data directory.
 *
 * <p>Uses the {@code clickhouse-server} binary Debian installs; the demo and the tests never touch a system-wide
 * instance. Ready when {@code GET /ping} answers {@code Ok.}.
 */
public final class ClickHouseServer implements AutoCloseable {

    /** Where Debian's package puts the binary. */
    public static final Path DEBIAN_BINARY = Path.of("/usr/sbin/clickhouse-server");
    /**
     * Demo password of each per-clearance analyst account (docs/GOVERNANCE.md): each its own, so the password of a
     * lower clearance never opens a higher one.
     */
    public static final Map<String, String> DEFAULT_CLEARANCE_PASSWORDS = Map.of(
            "analyst_open", "analyst-open",
            "analyst_internal", "analyst-internal",
            "analyst_sensitive", "analyst-sensitive");

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path dir;
    private final int httpPort;
    private final int tcpPort;

    private ClickHouseServer(Process process, Path dir, int httpPort, int tcpPort) {
        this.process = process;
        this.dir = dir;
        this.httpPort = httpPort;
        this.tcpPort = tcpPort;
    }

    /** Starts a server on free loopback ports. */
    public static ClickHouseServer start(Path dir) {
        return start(dir, Ports.free(), Ports.free());
    }

    /** Starts a server on the given HTTP and native TCP ports; fails fast when either is taken. */
    public static ClickHouseServer start(Path dir, int httpPort, int tcpPort) {
        if (!Files.isExecutable(DEBIAN_BINARY)) {
            throw new IllegalStateException(DEBIAN_BINARY + " not found: install it with `apt-get install -y "
                    + "clickhouse-server` (./cityvitals demo and ./cityvitals test do this for you as root)");
        }
        Ports.requireFree(httpPort, "ClickHouse HTTP", "--clickhouse-port");
        Ports.requireFree(tcpPort, "ClickHouse native", "--clickhouse-native-port");
        try {
            List<String> command = writeConfig(dir, httpPort, tcpPort, Ports.free());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("log/stdout.log").toFile())
                    .start();
            ClickHouseServer server = new ClickHouseServer(process, dir, httpPort, tcpPort);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start ClickHouse in " + dir, e);
        }
    }

    /**
     * Writes a private server's {@code config.xml} and {@code users.xml} into {@code dir} (files in
     * {@code dir/config.d/} are merged into the config by the server, e.g. a cluster's {@code remote_servers}) and
     * returns the command line that starts it.
     */
    public static List<String> writeConfig(Path dir, int httpPort, int tcpPort, int interserverPort)
            throws IOException {
        for (String sub : new String[] {"data", "tmp", "user_files", "format_schemas", "log"}) {
            Files.createDirectories(dir.resolve(sub));
        }
        Map<String, String> vars = Map.of(
                "dir", dir.toAbsolutePath().toString(),
                "httpPort", String.valueOf(httpPort),
                "tcpPort", String.valueOf(tcpPort),
                "interserverPort", String.valueOf(interserverPort),
                "analystOpenPassword", DEFAULT_CLEARANCE_PASSWORDS.get("analyst_open"),
                "analystInternalPassword", DEFAULT_CLEARANCE_PASSWORDS.get("analyst_internal"),
                "analystSensitivePassword", DEFAULT_CLEARANCE_PASSWORDS.get("analyst_sensitive"));
        writeTemplate("config.xml", dir.resolve("config.xml"), vars);
        writeTemplate("users.xml", dir.resolve("users.xml"), vars);
        return List.of(DEBIAN_BINARY.toString(), "--config-file=" + dir.resolve("config.xml").toAbsolutePath());
    }

    private static void writeTemplate(String name, Path target, Map<String, String> vars) throws IOException {
        String text;
        try (InputStream in = ClickHouseServer.class.getResourceAsStream("/clickhouse/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (var v : vars.entrySet()) {
            text = text.replace("${" + v.getKey() + "}", v.getValue());
        }
        Files.writeString(target, text);
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("clickhouse-server exited with code " + process.exitValue()
                        + " during start; see " + dir.resolve("log"));
            }
            if (ping()) {
                return;
            }
            sleep(50);
        }
        close();
        throw new IllegalStateException("clickhouse-server did not answer /ping within " + STARTUP_TIMEOUT
                + "; see " + dir.resolve("log"));
    }

    /** True when the server answers {@code GET /ping}. */
    public boolean ping() {
        return ping(httpPort);
    }

    /** True when a server answers {@code GET /ping} on {@code httpPort} of the loopback address. */
    public static boolean ping(int httpPort) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort + "/ping")
                    .toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(1000);
            try (InputStream in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).startsWith("Ok.");
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** JDBC URL of database {@code db} for the platform's own (read-write) user. */
    public String jdbcUrl(String db) {
        return "jdbc:clickhouse://127.0.0.1:" + httpPort + "/" + db;
    }

    public int httpPort() {
        return httpPort;
    }

    public int tcpPort() {
        return tcpPort;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM, then SIGKILL if the server has not stopped within 10 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for ClickHouse", e);
        }
    }
}
