package org.cityvitals.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ./cityvitals test}: the shell wrapper installs the Debian packages the tests use and runs {@code mvn -B
 * verify} itself (Maven cannot run inside the JVM it builds); this command only describes it.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Install what the tests need (clickhouse-server, chromium, chromium-driver, a CJK font; "
                + "apt-get, as root) and run every test: mvn -B verify [MAVEN-FLAGS].",
                "`mvn test` alone runs the unit and harness layer in under a minute with no services."})
final class TestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "MAVEN-FLAGS", arity = "0..*", description = "passed to mvn, e.g. -pl store -am")
    private List<String> mavenFlags = List.of();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("run the tests with ./cityvitals test, which installs what they need "
                + "and runs mvn -B verify " + String.join(" ", mavenFlags));
        return 2;
    }
}
