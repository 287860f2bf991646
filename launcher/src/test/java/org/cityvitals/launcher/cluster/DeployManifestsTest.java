package org.cityvitals.launcher.cluster;

import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.cli.Cli;
import org.cityvitals.jobs.JobCommand;
import org.cityvitals.store.SchemaMigrator;
import org.cityvitals.store.distributed.DistributedSchema;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every manifest in deploy/ parses and names the built jar, the platform's topics and its tables. */
class DeployManifestsTest {

    private static final Path DEPLOY = Path.of("..", "deploy");

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents() throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object doc : new Yaml().loadAll(Files.readString(f))) {
                    docs.add((Map<String, Object>) doc);
                }
            }
        }
        return docs;
    }

    private static List<Map<String, Object>> ofKind(String kind) throws IOException {
        return documents().stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> doc, String... path) {
        Object node = doc;
        for (String key : path) {
            node = ((Map<String, Object>) node).get(key);
        }
        return (T) node;
    }

    /** The project version in the parent pom, which names the job jar. */
    private static String projectVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>cityvitals-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("..", "pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @SuppressWarnings("unchecked")
    private static List<String> jobArgs(Map<String, Object> deployment) {
        return ((List<Object>) at(deployment, "spec", "job", "args")).stream().map(String::valueOf).toList();
    }

    @Test
    void theFlinkDeploymentsRunTheVitalsJobAndTheHistoryLoaderOfTheBuiltJarWithFlagsTheyAccept() throws Exception {
        List<Map<String, Object>> deployments = ofKind("FlinkDeployment");
        assertThat(deployments).extracting(d -> jobArgs(d).get(0)).containsExactlyInAnyOrder("vitals", "history");
        for (Map<String, Object> deployment : deployments) {
            Map<String, Object> job = at(deployment, "spec", "job");
            assertThat((String) job.get("jarURI")).endsWith("/flink-jobs-" + projectVersion() + "-job.jar");
            assertThat(Class.forName((String) job.get("entryClass"))).isEqualTo(JobCommand.class);
            // the job's own command line: throws on an unknown job or flag
            CommandLine.ParseResult parsed = Cli.of(new JobCommand()).parseArgs(jobArgs(deployment)
                    .toArray(String[]::new));
            assertThat(parsed.subcommand().<Integer>matchedOptionValue("--parallelism", 1))
                    .isEqualTo(job.get("parallelism"));
        }
    }

    /** The vital-signs job's parallelism: the live topics must have at least as many partitions. */
    private static int vitalsParallelism() throws IOException {
        return ofKind("FlinkDeployment").stream().filter(d -> jobArgs(d).get(0).equals("vitals"))
                .map(d -> (Integer) at(d, "spec", "job", "parallelism")).findFirst().orElseThrow();
    }

    @Test
    void everyTopicOfThePlatformIsDeclaredReplicatedWithEnoughPartitions() throws Exception {
        int parallelism = vitalsParallelism();
        List<String> declared = new ArrayList<>();
        for (Map<String, Object> topic : ofKind("KafkaTopic")) {
            String name = at(topic, "spec", "topicName");
            declared.add(name);
            assertThat((Integer) at(topic, "spec", "replicas")).as(name).isEqualTo(3);
            assertThat(String.valueOf((Object) at(topic, "spec", "config", "min.insync.replicas"))).as(name).isEqualTo("2");
            if (name.equals(Topics.READINGS) || name.equals(Topics.INCIDENTS) || name.equals(Topics.REPLAY_READINGS)
                    || name.equals(Topics.REPLAY_INCIDENTS)) {
                assertThat((Integer) at(topic, "spec", "partitions")).as(name).isGreaterThanOrEqualTo(parallelism);
            }
        }
        assertThat(declared).containsExactlyInAnyOrder(Topics.all());
        Map<String, Object> kafka = ofKind("Kafka").get(0);
        assertThat((Map<String, Object>) at(kafka, "metadata", "annotations"))
                .containsEntry("strimzi.io/kraft", "enabled").containsEntry("strimzi.io/node-pools", "enabled");
        assertThat(ofKind("KafkaNodePool")).extracting(p -> at(p, "spec", "roles").toString())
                .containsExactlyInAnyOrder("[controller]", "[broker]");
    }

    @Test
    void theClickHouseInstallationNamesTheTablesTheMigrationsCreateAndTheSchemaJobCoversEveryServer()
            throws Exception {
        Map<String, Object> chi = ofKind("ClickHouseInstallation").get(0);
        List<String> tables = Arrays.asList(((String) at(chi, "metadata", "annotations", "cityvitals/tables"))
                .trim().split("\\s+"));
        List<String> migrated = new ArrayList<>();
        Pattern create = Pattern.compile("CREATE TABLE IF NOT EXISTS \\$\\{db}\\.(\\w+)");
        for (SchemaMigrator.Migration m : SchemaMigrator.migrations()) {
            for (String statement : m.statements()) {
                Matcher c = create.matcher(statement);
                if (c.find()) {
                    migrated.add(c.group(1));
                }
            }
        }
        assertThat(tables).containsExactlyInAnyOrderElementsOf(migrated)
                .containsExactlyInAnyOrderElementsOf(DistributedSchema.shippedSharding().keySet());

        Map<String, Object> cluster = ((List<Map<String, Object>>) at(chi, "spec", "configuration", "clusters")).get(0);
        int servers = (Integer) at(cluster, "layout", "shardsCount") * (Integer) at(cluster, "layout", "replicasCount");
        Map<String, Object> schemaJob = ofKind("Job").get(0);
        List<String> args = ((List<Map<String, Object>>) at(schemaJob, "spec", "template", "spec", "containers"))
                .get(0).get("args") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        assertThat(args.stream().filter("--server"::equals).count()).isEqualTo(servers);
        assertThat(args).containsSubsequence("--cluster", (String) cluster.get("name"))
                .contains("--replicated");
        List<String> jobArgs = ofKind("FlinkDeployment").stream().map(DeployManifestsTest::jobArgs)
                .filter(a -> a.get(0).equals("history")).findFirst().orElseThrow();
        String database = jobArgs.get(jobArgs.indexOf("--database") + 1);
        assertThat(args).containsSubsequence("--database", database);
    }
}
