package org.cityvitals.dashboard.situation;

import org.cityvitals.indicators.access.AccessScope;
import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.access.PlatformUser;
import org.cityvitals.indicators.access.Role;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shifts in Shanghai local time (UTC+8): 08:00 local is 00:00 UTC. */
class DutyRosterTest {

    private static final Map<String, PlatformUser> USERS = Map.of(
            "day", user("day", "310101", "district_chief"),
            "night", user("night", "310101", "district_chief"),
            "centre", user("centre", "*", "city_centre"),
            "pudong", user("pudong", "310115", "district_chief"));
    private static final String ROSTER = """
            rosters:
              - duty: district_chief
                area: "310101"
                shifts:
                  - {user: day, from: "08:00", to: "20:00"}
                  - {user: night, from: "20:00", to: "08:00"}
              - duty: city_centre
                area: "310000"
                shifts:
                  - {user: centre, from: "00:00", to: "00:00"}
            """;

    private static PlatformUser user(String name, String district, String duty) {
        return new PlatformUser(name, "x", name, Role.DISPATCHER, new AccessScope(Set.of("shanghai"),
                district.equals("*"), district.equals("*") ? Set.of() : Set.of(district)), Clearance.INTERNAL,
                List.of(duty));
    }

    private static DutyRoster parse(String yaml) {
        return DutyRoster.parse(new StringReader(yaml), "duty.yaml", name -> Optional.ofNullable(USERS.get(name)));
    }

    @Test
    void theShiftCoveringTheLocalTimeIsOnDuty() {
        DutyRoster roster = parse(ROSTER);
        assertThat(roster.onDuty("district_chief", "310101", Instant.parse("2026-07-01T00:00:00Z"))).contains("day");
        assertThat(roster.onDuty("district_chief", "310101", Instant.parse("2026-07-01T11:59:59Z"))).contains("day");
        assertThat(roster.onDuty("district_chief", "310101", Instant.parse("2026-07-01T12:00:00Z")))
                .contains("night");
        assertThat(roster.onDuty("district_chief", "310101", Instant.parse("2026-06-30T23:59:00Z")))
                .contains("night");
    }

    @Test
    void aDistrictWithoutItsOwnRosterFallsBackToTheCitysAndOtherwiseToNobody() {
        DutyRoster roster = parse(ROSTER);
        assertThat(roster.onDuty("city_centre", "310115", Instant.parse("2026-07-01T03:00:00Z"))).contains("centre");
        assertThat(roster.onDuty("district_chief", "310115", Instant.parse("2026-07-01T03:00:00Z"))).isEmpty();
    }

    @Test
    void theExampleInTheReadmeRoutesAsItSays() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        String block = readme.substring(readme.indexOf("<!-- duty-roster-example -->"),
                readme.indexOf("<!-- /duty-roster-example -->"));
        String yaml = block.substring(block.indexOf("```yaml\n") + 8, block.lastIndexOf("```"));
        Map<String, PlatformUser> users = Map.of("huangpu", user("huangpu", "310101", "district_chief"),
                "huangpu_night", user("huangpu_night", "310101", "district_chief"),
                "ops", user("ops", "*", "city_centre"));
        DutyRoster roster = DutyRoster.parse(new StringReader(yaml), "README.md",
                name -> Optional.ofNullable(users.get(name)));
        // 2026-07-01T13:00Z is 21:00 in Shanghai: the night shift
        assertThat(roster.onDuty("district_chief", "310101", Instant.parse("2026-07-01T13:00:00Z")))
                .contains("huangpu_night");
        assertThat(roster.onDuty("city_centre", "310101", Instant.parse("2026-07-01T13:00:00Z"))).contains("ops");
    }

    @Test
    void everyProblemIsNamedWithItsLine() {
        assertThatThrownBy(() -> parse(ROSTER.replace("{user: night, from: \"20:00\"", "{user: pudong, from: \"20:00\"")
                .replace("to: \"20:00\"}", "to: \"8pm\"}").replace("area: \"310000\"", "area: \"999999\"")))
                .hasMessage(String.join("\n",
                        "duty.yaml:5: 'to' must be a local time like 08:00, was '8pm'",
                        "duty.yaml:6: user pudong may not see area 310101",
                        "duty.yaml:8: unknown area '999999': a district or a city code"));
        assertThatThrownBy(() -> parse(ROSTER.replace("user: centre", "user: day")))
                .hasMessage("duty.yaml:10: user day does not list duty city_centre among their duty rosters");
        assertThatThrownBy(() -> parse(ROSTER.replace("user: centre", "user: nobody")))
                .hasMessage("duty.yaml:10: unknown user 'nobody'");
    }
}
