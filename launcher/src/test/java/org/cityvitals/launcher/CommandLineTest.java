package org.cityvitals.launcher;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command of {@code cityvitals}, however deep, answers --help and refuses a flag it does not know. */
class CommandLineTest {

    @Test
    void everyCommandAnswersHelpAndRefusesUnknownFlags() {
        List<List<String>> paths = new ArrayList<>();
        walk(Main.commandLine(), new ArrayList<>(), paths);
        assertThat(paths).as("commands found").hasSizeGreaterThan(10)
                .contains(List.of("cluster", "up"), List.of("drill"), List.of("bench"), List.of("db", "backup"),
                        List.of("db", "restore"), List.of("db", "migrate-cluster"));
        for (List<String> path : paths) {
            List<String> help = new ArrayList<>(path);
            help.add("--help");
            Result answer = run(help);
            assertThat(answer.code).as(String.join(" ", help)).isZero();
            assertThat(answer.out).as(String.join(" ", help)).contains("Usage: cityvitals");

            List<String> unknown = new ArrayList<>(path);
            unknown.add("--no-such-flag");
            Result refusal = run(unknown);
            assertThat(refusal.code).as(String.join(" ", unknown)).isEqualTo(2);
            assertThat(refusal.err).as(String.join(" ", unknown)).contains("--no-such-flag");
        }
    }

    @Test
    void aMistypedFlagGetsASuggestion() {
        Result answer = run(List.of("db", "migrate", "--databse", "x"));
        assertThat(answer.code).isEqualTo(2);
        assertThat(answer.err).contains("Unknown options: '--databse'").contains("Possible solutions: --database");
    }

    @Test
    void theCatalogueCheckValidatesTheSituationRulesWithFileAndLine() throws Exception {
        Result shipped = run(List.of("catalogue", "check"));
        assertThat(shipped.code).isZero();
        assertThat(shipped.out).contains("catalogue/situations.yaml: OK, 3 hazards, 1 inhibitions, "
                + "2 escalation policies, 7 causes\n");
        java.nio.file.Path rules = java.nio.file.Files.createTempFile("situations", ".yaml");
        java.nio.file.Files.writeString(rules, """
                hazards:
                  - id: rainstorm
                    name: {zh: 暴雨内涝, en: Rainstorm flooding}
                    indicators: [weather.rain_1h, flood.ponding_depth]
                    window: 2h
                causes:
                  - {id: weather, name: {zh: 天气, en: Weather}}
                """);
        Result bad = run(List.of("catalogue", "check", "--situations", rules.toString()));
        java.nio.file.Files.delete(rules);
        assertThat(bad.code).isEqualTo(1);
        assertThat(bad.out).isEqualTo(rules + ":4: unknown indicator 'weather.rain_1h' in indicators\n1 problem(s)\n");
    }

    private static void walk(CommandLine command, List<String> path, List<List<String>> found) {
        for (var sub : command.getSubcommands().entrySet()) {
            if (sub.getValue().getCommandSpec().aliases().length > 0 && !sub.getKey().equals(sub.getValue()
                    .getCommandName())) {
                continue; // an alias of a command already walked
            }
            if (sub.getKey().equals("help")) {
                continue; // picocli's own help command takes command names, not flags
            }
            List<String> next = new ArrayList<>(path);
            next.add(sub.getKey());
            found.add(next);
            walk(sub.getValue(), next, found);
        }
    }

    private record Result(int code, String out, String err) {}

    private static Result run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
