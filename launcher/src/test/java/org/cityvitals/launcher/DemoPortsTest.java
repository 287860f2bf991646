package org.cityvitals.launcher;

import org.cityvitals.stack.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A demo whose port is taken stops before starting anything and says which port and which flag. */
class DemoPortsTest {

    @TempDir
    Path state;

    private static final List<String> PORT_FLAGS = List.of("--port", "--gateway-port", "--kafka-port",
            "--kafka-controller-port", "--clickhouse-port", "--clickhouse-native-port");

    /** Runs the demo with {@code flag} on {@code port} and every other port free, expecting it to refuse. */
    private String demoFailure(String flag, String port) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(List.of("demo", "--state", state.toString()));
        for (String f : PORT_FLAGS) {
            args.addAll(List.of(f, f.equals(flag) ? port : String.valueOf(Ports.free())));
        }
        int code = Main.run(args, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachTakenPortIsNamedWithTheFlagThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());
            for (String flag : PORT_FLAGS) {
                assertThat(demoFailure(flag, port)).contains("port " + port + " (").endsWith(flag + "\n");
            }
        }
        assertThat(state.resolve("clickhouse")).doesNotExist(); // nothing was started
    }

    @Test
    void unknownFlagsAndBadValuesAreRefusedWithUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(List.of("demo", "--prot", "1"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown options: '--prot'").contains("--port=N");
    }
}
