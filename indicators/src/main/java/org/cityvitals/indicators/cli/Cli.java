package org.cityvitals.indicators.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.cityvitals.indicators.Durations;
import picocli.CommandLine;

/**
 * How every CityVitals command line is built: picocli with the platform's one duration syntax, unknown flags
 * refused with a suggestion, {@code --help} on every command. Exit codes: 0 done, 1 the work failed, 2 usage.
 */
public final class Cli {
    private Cli() {
    }

    /** A command line for {@code command} (a picocli {@code @Command} object, with any subcommands). */
    public static CommandLine of(Object command) {
        CommandLine line = new CommandLine(command);
        line.registerConverter(Duration.class, Durations::parse);
        line.setAbbreviatedOptionsAllowed(false);
        line.setCaseInsensitiveEnumValuesAllowed(false);
        line.setUsageHelpAutoWidth(true);
        // picocli checks required options before unknown ones; a mistyped flag is the real error, so say that
        CommandLine.IParameterExceptionHandler usage = line.getParameterExceptionHandler();
        line.setParameterExceptionHandler((e, args) -> usage.handleParseException(
                e instanceof CommandLine.MissingParameterException && !e.getCommandLine().getUnmatchedArguments()
                        .isEmpty() ? new CommandLine.UnmatchedArgumentException(e.getCommandLine(),
                        e.getCommandLine().getUnmatchedArguments()) : e, args));
        line.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof IllegalArgumentException) {
                cmd.getErr().println(cmd.getCommandName() + ": " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return line;
    }

    /** Runs {@code command} with {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(Object command, String[] args, PrintWriter out, PrintWriter err) {
        return run(of(command), args, out, err);
    }

    /** Runs a command line built by {@link #of} (and composed further by its caller); returns the exit code. */
    public static int run(CommandLine line, String[] args, PrintWriter out, PrintWriter err) {
        line.setOut(out);
        line.setErr(err);
        int code = line.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
