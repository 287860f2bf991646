package org.cityvitals.jobs;

import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.LoadResult;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The indicator catalogue as shipped to every task: its YAML text travels with the job graph (so a cluster needs no
 * shared file), and each task parses it once on first use.
 */
public final class CatalogueText implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String DEFAULT_RESOURCE = "catalogue/indicators.yaml";

    private final String fileName;
    private final String yaml;
    private transient IndicatorCatalogue parsed;

    private CatalogueText(String fileName, String yaml) {
        this.fileName = fileName;
        this.yaml = yaml;
        get(); // fail at job construction, not in a task on the cluster
    }

    /** The catalogue shipped in the indicators module. */
    public static CatalogueText shipped() {
        try (InputStream in = CatalogueText.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + DEFAULT_RESOURCE + " is missing");
            }
            return new CatalogueText(DEFAULT_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A catalogue file chosen by the operator (validated now). */
    public static CatalogueText of(Path file) {
        try {
            return new CatalogueText(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalogue " + file, e);
        }
    }

    /** A catalogue given as text (tests). */
    public static CatalogueText of(String fileName, String yaml) {
        return new CatalogueText(fileName, yaml);
    }

    public IndicatorCatalogue get() {
        if (parsed == null) {
            LoadResult result = IndicatorCatalogue.load(
                    new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), fileName);
            if (!result.ok()) {
                throw new IllegalArgumentException("invalid indicator catalogue:\n"
                        + String.join("\n", result.problems()));
            }
            parsed = result.catalogue();
        }
        return parsed;
    }
}
