package org.cityvitals.store.distributed;

import org.cityvitals.store.SchemaMigrator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DistributedSchemaTest {

    private static final Pattern CREATE = Pattern.compile(
            "CREATE TABLE IF NOT EXISTS \\$\\{db}\\.(\\w+).*?ORDER BY \\(?([^)\\n;]+)\\)?", Pattern.DOTALL);

    /** Every table the shipped migrations create, with the columns of its ORDER BY key. */
    private static Map<String, List<String>> migratedTables() {
        Map<String, List<String>> tables = new java.util.LinkedHashMap<>();
        for (SchemaMigrator.Migration m : SchemaMigrator.migrations()) {
            for (String statement : m.statements()) {
                Matcher c = CREATE.matcher(statement);
                if (c.find()) {
                    tables.put(c.group(1), Arrays.stream(c.group(2).split(",")).map(String::strip).toList());
                }
            }
        }
        return tables;
    }

    @Test
    void everyTableOfTheMigrationsSaysHowItIsSharded() {
        assertThat(DistributedSchema.shippedSharding().keySet())
                .containsExactlyInAnyOrderElementsOf(migratedTables().keySet());
    }

    @Test
    void shardingKeysHashOnlyColumnsOfTheTablesOrderBySoFinalFoldsOnOneShard() {
        Pattern hash = Pattern.compile("cityHash64\\(([^)]+)\\)");
        Map<String, List<String>> orderBy = migratedTables();
        List<String> sharded = new ArrayList<>();
        DistributedSchema.shippedSharding().forEach((table, key) -> {
            if (key.equals(DistributedSchema.REPLICATED)) {
                assertThat(table).startsWith("dim_");
                return;
            }
            Matcher m = hash.matcher(key);
            assertThat(m.matches()).as(table + " key " + key).isTrue();
            List<String> columns = Arrays.stream(m.group(1).split(",")).map(String::strip).toList();
            assertThat(orderBy.get(table)).as(table).containsAll(columns);
            sharded.add(table);
        });
        assertThat(sharded).contains("indicator_values", "alert_events", "readings", "incidents");
    }

    @Test
    void replicatedEngineFollowsTheOperatorsMacroConvention() {
        String local = "CREATE TABLE IF NOT EXISTS cityvitals_local.indicator_values (\n    v Float64\n)"
                + " ENGINE = ReplacingMergeTree(version)\nORDER BY (indicator_id)";
        assertThat(DistributedSchema.replicatedEngine(local)).contains("ENGINE = ReplicatedReplacingMergeTree("
                + "'/clickhouse/tables/{shard}/cityvitals_local/indicator_values', '{replica}', version)");
        String noArguments = "CREATE TABLE IF NOT EXISTS x.readings (a String) ENGINE = ReplacingMergeTree()\n"
                + "ORDER BY a";
        assertThat(DistributedSchema.replicatedEngine(noArguments)).contains(
                "ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/x/readings', '{replica}')");
        String view = "CREATE MATERIALIZED VIEW IF NOT EXISTS x.v TO x.t AS SELECT 1";
        assertThat(DistributedSchema.replicatedEngine(view)).isEqualTo(view);
    }

    @Test
    void everyMergeTreeOfTheMigrationsBecomesReplicated() {
        for (SchemaMigrator.Migration m : SchemaMigrator.migrations()) {
            for (String statement : m.statements()) {
                String rewritten = DistributedSchema.replicatedEngine(statement.replace("${db}", "cv_local"));
                if (statement.contains("MergeTree")) {
                    assertThat(rewritten).as(statement).contains("ENGINE = Replicated").contains("'{replica}'");
                }
            }
        }
    }
}
