package org.cityvitals.indicators.access;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsersFileTest {

    @Test
    void readsEveryFieldWithItsDefaults() {
        Map<String, PlatformUser> users = UsersFile.parse("""
                [{"username": "dc", "password": "h1", "role": "dispatcher", "cities": ["beijing"],
                  "districts": ["110101"], "clearance": "sensitive", "duty": ["dongcheng-day"]},
                 {"username": "ops", "password": "h2", "role": "operator", "districts": ["*"]}]""", "users.json");
        PlatformUser dc = users.get("dc");
        assertThat(dc.role()).isEqualTo(Role.DISPATCHER);
        assertThat(dc.scope()).isEqualTo(new AccessScope(Set.of("beijing"), false, Set.of("110101")));
        assertThat(dc.clearance()).isEqualTo(Clearance.SENSITIVE);
        assertThat(dc.duty()).containsExactly("dongcheng-day");
        assertThat(dc.displayName()).isEqualTo("dc");
        PlatformUser ops = users.get("ops");
        assertThat(ops.scope()).isEqualTo(new AccessScope(Set.of("shanghai"), true, Set.of()));
        assertThat(ops.clearance()).isEqualTo(Clearance.INTERNAL);
        assertThat(ops.duty()).isEmpty();
    }

    @Test
    void anEntryWrittenForAUserReadsBackAsTheSameUser() {
        PlatformUser dc = new PlatformUser("dc", "h1", "东城 Dongcheng", Role.DISPATCHER,
                new AccessScope(Set.of("beijing"), false, Set.of("110101", "110102")), Clearance.SENSITIVE,
                List.of("dongcheng-day"));
        PlatformUser ops = new PlatformUser("ops", "h2", "ops", Role.OPERATOR,
                new AccessScope(Set.of("shanghai", "beijing"), true, Set.of()), Clearance.OPEN, List.of());
        for (PlatformUser user : List.of(dc, ops)) {
            assertThat(UsersFile.parseEntry(UsersFile.entry(user), "stored")).isEqualTo(user);
        }
    }

    @Test
    void everyProblemNamesTheFileTheEntryAndWhatIsWrong() {
        assertThatThrownBy(() -> UsersFile.parse("[{\"username\":\"x\",\"password\":\"h\",\"role\":\"boss\"}]",
                "users.json")).hasMessageContaining("users.json user #1 (x)").hasMessageContaining("'boss'")
                .hasMessageContaining("dispatcher");
        assertThatThrownBy(() -> UsersFile.parse("[{\"username\":\"x\",\"role\":\"admin\"}]", "users.json"))
                .hasMessageContaining("users.json user #1 (x) lacks 'password'");
        assertThatThrownBy(() -> UsersFile.parse("[{\"username\":\"x\",\"password\":\"h\",\"role\":\"admin\","
                + "\"cities\":[\"atlantis\"]}]", "users.json")).hasMessageContaining("atlantis");
        assertThatThrownBy(() -> UsersFile.parse("[{\"username\":\"x\",\"password\":\"h\",\"role\":\"admin\"},"
                + "{\"username\":\"x\",\"password\":\"h\",\"role\":\"admin\"}]", "users.json"))
                .hasMessageContaining("'x' is listed twice");
        assertThatThrownBy(() -> UsersFile.parse("{}", "users.json")).hasMessageContaining("JSON array");
        assertThat(List.of(Clearance.OPEN, Clearance.INTERNAL, Clearance.SENSITIVE)).isSorted();
        assertThat(Clearance.INTERNAL.covers(Clearance.OPEN)).isTrue();
        assertThat(Clearance.INTERNAL.covers(Clearance.SENSITIVE)).isFalse();
    }
}
