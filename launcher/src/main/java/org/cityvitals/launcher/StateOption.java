package org.cityvitals.launcher;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --state DIR}: where a demo keeps its data, logs and process file; shared by demo, status and stop. */
final class StateOption {

    @Option(names = "--state", paramLabel = "DIR", defaultValue = ".state",
            description = "the demo's state folder (default: ${DEFAULT-VALUE})")
    private Path dir;

    Path dir() {
        return dir.toAbsolutePath();
    }
}
