package org.cityvitals.indicators.access;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.signal.AlertActionKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/ACCESS.md prints the permission table; the code and the page must say the same. */
class PermissionTableTest {

    private static final Path DOC = Path.of("..", "docs", "ACCESS.md");

    @Test
    void theDocumentedTableIsTheOneTheCodeChecks() throws IOException {
        String doc = Files.readString(DOC);
        String table = doc.substring(doc.indexOf("<!-- permission-table -->"), doc.indexOf("<!-- /permission-table -->"));
        List<String> lines = table.lines().filter(l -> l.startsWith("|")).toList();
        List<String> roles = cells(lines.get(0)).subList(1, Role.values().length + 1);
        assertThat(roles).containsExactlyElementsOf(Arrays.stream(Role.values()).map(WireNames::of).toList());
        List<String> documented = new ArrayList<>();
        for (String row : lines.subList(2, lines.size())) {
            List<String> cells = cells(row);
            String permission = cells.get(0).replace("`", "");
            for (int i = 0; i < roles.size(); i++) {
                if (cells.get(i + 1).equals("✓")) {
                    documented.add(roles.get(i) + " " + permission);
                }
            }
        }
        List<String> granted = new ArrayList<>();
        for (Role role : Role.values()) {
            PermissionTable.of(role).forEach(p -> granted.add(WireNames.of(role) + " " + WireNames.of(p)));
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(granted);
        assertThat(lines.size() - 2).as("every permission has a row").isEqualTo(Permission.values().length);
    }

    @Test
    void dispatchersHandleTheirAlertsButSilenceForAnHourAtMostAndManageNoUsers() {
        assertThat(PermissionTable.allows(Role.DISPATCHER, PermissionTable.needed(AlertActionKind.SILENCE,
                Duration.ofMinutes(60)))).isTrue();
        assertThat(PermissionTable.allows(Role.DISPATCHER, PermissionTable.needed(AlertActionKind.SILENCE,
                Duration.ofMinutes(61)))).isFalse();
        assertThat(PermissionTable.allows(Role.OPERATOR, PermissionTable.needed(AlertActionKind.SILENCE,
                Duration.ofDays(7)))).isTrue();
        for (AlertActionKind kind : List.of(AlertActionKind.ACKNOWLEDGE, AlertActionKind.ASSIGN,
                AlertActionKind.COMMENT, AlertActionKind.RESOLVE, AlertActionKind.ESCALATE)) {
            assertThat(PermissionTable.allows(Role.DISPATCHER, PermissionTable.needed(kind, Duration.ZERO))).isTrue();
            assertThat(PermissionTable.allows(Role.ANALYST, PermissionTable.needed(kind, Duration.ZERO))).isFalse();
        }
        assertThat(PermissionTable.allows(Role.DISPATCHER, Permission.MANAGE_USERS)).isFalse();
        assertThat(PermissionTable.allows(Role.OPERATOR, Permission.MANAGE_USERS)).isFalse();
        assertThat(PermissionTable.allows(Role.ADMIN, Permission.MANAGE_USERS)).isTrue();
    }

    private static List<String> cells(String row) {
        String inner = row.strip().substring(1, row.strip().length() - 1);
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }
}
