package org.cityvitals.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cluster status} and {@code cluster down} on a state folder where no cluster was started: status fails
 * (docs/RELIABILITY.md: exit 0 only when every process runs) and says how to start one; down has nothing to do and
 * succeeds. Both name the folder they looked in.
 */
class ClusterCommandsWithoutAClusterTest {

    @TempDir
    Path state;

    @Test
    void statusFailsAndSaysHowToStartACluster() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = run(List.of("cluster", "status", "--state", state.toString()), out);
        assertThat(code).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("no cluster recorded in " + state.toAbsolutePath() + " (./cityvitals cluster up)");
    }

    @Test
    void downHasNothingToStopAndSucceeds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = run(List.of("cluster", "down", "--state", state.toString()), out);
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("no cluster recorded in " + state.toAbsolutePath());
    }

    private static int run(List<String> args, ByteArrayOutputStream out) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
