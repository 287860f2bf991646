package org.cityvitals.launcher.cluster;

import org.cityvitals.stack.cluster.ClusterLayout;
import org.cityvitals.stack.cluster.LocalCluster;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --state} and {@code --base-port}: where the local cluster lives, the same on every cluster command. */
public final class ClusterOptions {

    @Option(names = "--state", paramLabel = "DIR", defaultValue = ".state/cluster",
            description = "the cluster's state folder (default: ${DEFAULT-VALUE})")
    private Path state;

    @Option(names = "--base-port", paramLabel = "N", defaultValue = "" + ClusterLayout.DEFAULT_BASE_PORT,
            description = "first of the cluster's ports; see cluster --help (default: ${DEFAULT-VALUE})")
    private int basePort;

    public ClusterLayout layout() {
        return new ClusterLayout(state.toAbsolutePath(), basePort);
    }

    /** The running cluster recorded in the state folder, or a clear error saying how to start one. */
    public LocalCluster running() {
        return LocalCluster.find(state.toAbsolutePath()).orElseThrow(() -> new IllegalStateException(
                "no cluster in " + state.toAbsolutePath() + ": start one with ./cityvitals cluster up"));
    }
}
