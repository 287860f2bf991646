package org.cityvitals.indicators.cli;

import picocli.CommandLine.Option;

/** {@code --kafka}, the same on every command that talks to Kafka: {@code @Mixin KafkaOption kafka;}. */
public final class KafkaOption {
    @Option(names = "--kafka", paramLabel = "HOST:PORT[,…]", defaultValue = Endpoints.KAFKA,
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE})")
    private String bootstrapServers;

    public String bootstrapServers() {
        return bootstrapServers;
    }
}
