package org.cityvitals.indicators.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * A command that only groups subcommands ({@code db}, {@code job}, {@code catalogue}): called without one, it prints
 * its usage to standard error and exits 2, as any other usage error does.
 */
public abstract class CommandGroup implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public final Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
