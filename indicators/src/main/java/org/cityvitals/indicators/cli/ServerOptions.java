package org.cityvitals.indicators.cli;

import org.cityvitals.indicators.Durations;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * Where and how an HTTP service listens, the same flags on each of them ({@code dashboard}, {@code gateway}):
 * {@code @Mixin ServerOptions server;}. The defaults differ by service, so each command names its own
 * {@link DefaultsProvider} in {@code @Command(defaultValueProvider = …)}, taking them from the service's
 * configuration class, where they are defined once.
 */
public final class ServerOptions {

    @Option(names = "--host", paramLabel = "ADDRESS", description = "address to listen on (default: ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--port", paramLabel = "N", description = "port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--max-connections", paramLabel = "N",
            description = "open connections at most (default: ${DEFAULT-VALUE})")
    private int maxConnections;

    @Option(names = "--max-connections-per-address", paramLabel = "N",
            description = "open connections of one client address at most (default: ${DEFAULT-VALUE})")
    private int maxConnectionsPerAddress;

    @Option(names = "--idle-timeout", paramLabel = "DURATION",
            description = "a connection idle this long is closed (default: ${DEFAULT-VALUE})")
    private Duration idleTimeout;

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public int maxConnections() {
        return maxConnections;
    }

    public int maxConnectionsPerAddress() {
        return maxConnectionsPerAddress;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** A service's defaults for these flags. */
    public record Defaults(String host, int port, int maxConnections, int maxConnectionsPerAddress,
                           Duration idleTimeout) {
    }

    /** Gives picocli a service's {@link Defaults}; the command's other options keep their own defaults. */
    public abstract static class DefaultsProvider implements IDefaultValueProvider {
        protected abstract Defaults defaults();

        @Override
        public final String defaultValue(ArgSpec arg) {
            if (!(arg instanceof OptionSpec option)) {
                return null;
            }
            Defaults d = defaults();
            return switch (option.longestName()) {
                case "--host" -> d.host();
                case "--port" -> String.valueOf(d.port());
                case "--max-connections" -> String.valueOf(d.maxConnections());
                case "--max-connections-per-address" -> String.valueOf(d.maxConnectionsPerAddress());
                case "--idle-timeout" -> Durations.format(d.idleTimeout());
                default -> null;
            };
        }
    }
}
