package org.cityvitals.stack.cluster;

import java.nio.file.Path;

/** The Java of this JVM, which the cluster's JVMs use too. */
final class Java {

    private Java() {}

    static String binary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
