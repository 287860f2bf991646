package org.cityvitals.dashboard.situation;

import org.cityvitals.indicators.access.PlatformUser;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.yaml.YamlMap;
import org.cityvitals.indicators.yaml.YamlProblems;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Who is on duty: per duty (a name escalation policies route to, such as {@code district_chief}) and area (a district
 * code, or a city's own code for a city-wide duty), daily shifts in the city's local time. A situation in a district
 * is routed to the district's roster of that duty, else to its city's. Read from a YAML file:
 *
 * <pre>
 * rosters:
 *   - duty: district_chief
 *     area: "310101"
 *     shifts:
 *       - {user: huangpu, from: "08:00", to: "20:00"}
 *       - {user: huangpu_night, from: "20:00", to: "08:00"}   # past midnight; from = to: all day
 * </pre>
 *
 * Every problem is reported as {@code file:line: problem}: unknown areas, times that are not {@code HH:mm}, empty
 * shifts, users who do not exist, may not see the area, or do not list the duty among their {@code duty} rosters.
 */
public final class DutyRoster {

    /**
     * One shift of one user, {@code from} inclusive, {@code to} exclusive, past midnight when {@code to} is before
     * {@code from}, the whole day when they are equal.
     */
    public record Shift(String user, LocalTime from, LocalTime to) {
        boolean covers(LocalTime t) {
            if (from.equals(to)) {
                return true;
            }
            return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
        }
    }

    public record Roster(String duty, String area, List<Shift> shifts) {}

    private final List<Roster> rosters;

    public DutyRoster(List<Roster> rosters) {
        this.rosters = List.copyOf(rosters);
    }

    public static DutyRoster empty() {
        return new DutyRoster(List.of());
    }

    /** The user on {@code duty} for a situation in {@code district} at {@code at}, if anyone is. */
    public Optional<String> onDuty(String duty, String district, Instant at) {
        String city = CityProfiles.ofArea(district).code();
        LocalTime local = at.atZone(CityProfiles.ofArea(district).zone()).toLocalTime();
        return find(duty, district).or(() -> find(duty, city)).flatMap(r -> r.shifts().stream()
                .filter(s -> s.covers(local)).map(Shift::user).findFirst());
    }

    private Optional<Roster> find(String duty, String area) {
        return rosters.stream().filter(r -> r.duty().equals(duty) && r.area().equals(area)).findFirst();
    }

    /** The roster in {@code file}, checked against the users; @throws IllegalArgumentException listing problems */
    public static DutyRoster load(Path file, Function<String, Optional<PlatformUser>> users) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString(), users);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ":1: cannot read: " + e.getMessage(), e);
        }
    }

    static DutyRoster parse(Reader reader, String fileName, Function<String, Optional<PlatformUser>> users) {
        YamlProblems problems = new YamlProblems(fileName);
        List<Roster> rosters = new ArrayList<>();
        YamlMap root = YamlMap.parse(reader, problems);
        if (root != null) {
            root.allowOnly(Set.of("rosters"));
            for (Node item : root.list("rosters", true)) {
                YamlMap m = YamlMap.of(item, "a roster", problems);
                Roster roster = m == null ? null : roster(m, users);
                if (roster != null) {
                    rosters.add(roster);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems.list()));
        }
        return new DutyRoster(rosters);
    }

    private static Roster roster(YamlMap m, Function<String, Optional<PlatformUser>> users) {
        m.allowOnly(Set.of("duty", "area", "shifts"));
        String duty = m.string("duty", true);
        String area = m.string("area", true);
        if (area != null && !CityProfiles.knows(area)) {
            m.problems().add(m.value("area", true), "unknown area '" + area + "': a district or a city code");
            area = null;
        }
        List<Shift> shifts = new ArrayList<>();
        for (Node item : m.list("shifts", true)) {
            YamlMap s = YamlMap.of(item, "a shift", m.problems());
            Shift shift = s == null ? null : shift(s, duty, area, users);
            if (shift != null) {
                shifts.add(shift);
            }
        }
        return duty == null || area == null || shifts.isEmpty() ? null : new Roster(duty, area, shifts);
    }

    private static Shift shift(YamlMap s, String duty, String area,
                               Function<String, Optional<PlatformUser>> users) {
        s.allowOnly(Set.of("user", "from", "to"));
        String username = s.string("user", true);
        LocalTime from = time(s, "from");
        LocalTime to = time(s, "to");
        if (username != null) {
            Optional<PlatformUser> user = users.apply(username);
            String problem = user.isEmpty() ? "unknown user '" + username + "'"
                    : duty != null && !user.get().duty().contains(duty)
                    ? "user " + username + " does not list duty " + duty + " among their duty rosters"
                    : area != null && !user.get().scope().allows(area)
                    ? "user " + username + " may not see area " + area : null;
            if (problem != null) {
                s.problems().add(s.value("user", true), problem);
                return null;
            }
        }
        return username == null || from == null || to == null ? null : new Shift(username, from, to);
    }

    private static LocalTime time(YamlMap s, String key) {
        String text = s.string(key, true);
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            s.problems().add(s.value(key, true), "'" + key + "' must be a local time like 08:00, was '" + text + "'");
            return null;
        }
    }
}
