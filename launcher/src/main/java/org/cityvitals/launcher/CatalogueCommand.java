package org.cityvitals.launcher;

import org.cityvitals.indicators.catalogue.CatalogueTool;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.LoadResult;
import org.cityvitals.indicators.cli.CommandGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code cityvitals catalogue check [FILE] [--situations FILE]} and {@code catalogue docs}. */
@Command(name = "catalogue", mixinStandardHelpOptions = true, description = "The indicator catalogue.",
        subcommands = {CatalogueCommand.Check.class, CatalogueCommand.Docs.class})
final class CatalogueCommand extends CommandGroup {

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate a catalogue file (the shipped one, its situation rules and classification by "
                    + "default); prints file:line: problem.")
    static final class Check implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "FILE", description = "catalogue YAML to check")
        private Path file;
        @Option(names = "--situations", paramLabel = "FILE",
                description = "situation rules YAML to check against the catalogue instead")
        private Path situations;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            PrintStream printed = new PrintStream(text, true, StandardCharsets.UTF_8);
            int code = situations == null ? CatalogueTool.check(file, printed)
                    : checkSituations(printed);
            spec.commandLine().getOut().print(text.toString(StandardCharsets.UTF_8));
            return code;
        }

        /** The situation rules against the catalogue FILE (the shipped one by default), once that is clean. */
        private int checkSituations(PrintStream printed) {
            LoadResult catalogue = file == null ? IndicatorCatalogue.loadDefaultResult() : IndicatorCatalogue.load(file);
            if (!catalogue.ok()) {
                return CatalogueTool.check(file, printed);
            }
            return CatalogueTool.checkSituations(situations, catalogue.catalogue(), printed);
        }
    }

    @Command(name = "docs", mixinStandardHelpOptions = true,
            description = "Regenerate the indicator reference from the shipped catalogue.")
    static final class Docs implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "FILE", defaultValue = "docs/INDICATORS.md",
                description = "where to write it (default: ${DEFAULT-VALUE})")
        private Path docs;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            try {
                if (docs.getParent() != null) {
                    Files.createDirectories(docs.getParent());
                }
                Files.writeString(docs, CatalogueTool.renderDocs(IndicatorCatalogue.loadDefault()));
            } catch (IOException e) {
                spec.commandLine().getErr().println("cannot write " + docs.toAbsolutePath() + ": " + e.getMessage());
                return 1;
            }
            spec.commandLine().getOut().println("wrote " + docs);
            return 0;
        }
    }
}
