package org.cityvitals.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON Schemas the data standard publishes, applied to what ingest actually writes to Kafka. */
public final class PublishedSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Schema> SCHEMAS = Map.of(
            "reading", load("schemas/reading.schema.json"),
            "incident", load("schemas/incident.schema.json"));

    private PublishedSchemas() {
    }

    private static Schema load(String resource) {
        try (InputStream in = PublishedSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with the schema's errors and the event when {@code json} does not conform to the {@code type} schema. */
    public static void assertValid(String type, byte[] json) {
        try {
            assertThat(SCHEMAS.get(type).validate(JSON.readTree(json)))
                    .as("%s schema errors for %s", type, new String(json, StandardCharsets.UTF_8)).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
