package org.cityvitals.launcher.cluster;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.cityvitals.indicators.Topics;
import org.cityvitals.ingest.sim.Simulator;
import org.cityvitals.ingest.sim.SimulatorConfig;
import org.cityvitals.jobs.history.HistoryLoader;
import org.cityvitals.stack.cluster.Await;
import org.cityvitals.stack.cluster.ClusterLayout;
import org.cityvitals.stack.cluster.LocalCluster;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.distributed.DistributedSchema;
import org.cityvitals.store.query.TableContent;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The machinery every fault drill shares: fresh topics and databases, the job submitted through Flink's client,
 * a deterministic simulated input, waiting until the job has consumed and stored all of it, and the cluster's
 * engines as a drill sees them (Flink's REST API, Kafka's admin API, ClickHouse).
 */
final class DrillContext implements AutoCloseable {

    /** The simulator's seed and event-time start: the same input on every run. */
    static final long SEED = 20261201;
    static final Instant INPUT_START = Instant.parse("2026-11-02T00:00:00Z");
    /** Readings per second of event time: below the 432 sensors per round, so rounds are at least 1 s apart and
     *  no two readings of one sensor share a DateTime second. */
    static final double INPUT_RATE = 400;
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);
    /**
     * How long the drills' simulator waits for buffer space or a leader before a send is refused: longer than a
     * broker failover takes on a busy machine (the controller fences a killed broker after its 9 s session timeout,
     * then moves its partitions' leaders; with the simulator's default 5 s, sends were refused meanwhile). A send
     * that still fails is counted, and the drill fails on it.
     */
    static final Duration INPUT_MAX_BLOCK = Duration.ofSeconds(60);

    final LocalCluster cluster;
    final ClusterLayout layout;
    final FlinkRest flink;
    final ClickHouse clickHouse;
    final PrintWriter out;
    private final Path jar;
    private final Admin admin;

    DrillContext(LocalCluster cluster, Path jar, PrintWriter out) {
        this.cluster = cluster;
        this.layout = cluster.layout();
        this.flink = new FlinkRest(layout.flinkRestUrl());
        this.clickHouse = new ClickHouse(layout.clickHouseUrl(0));
        this.jar = jar;
        this.out = out;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, layout.kafkaBootstrap()));
    }

    void say(String line) {
        out.println("  " + line);
        out.flush();
    }

    /** Cancels every running job, so the drill's job is alone on the cluster. */
    void cancelRunningJobs() {
        for (FlinkRest.Job j : flink.running()) {
            cancel(j.id());
        }
    }

    void cancel(String jobId) {
        flink.cancel(jobId);
        Await.until("job " + jobId + " to stop", Duration.ofSeconds(60),
                () -> !Set.of("RUNNING", "RESTARTING", "CANCELLING", "CREATED", "INITIALIZING")
                        .contains(flink.job(jobId).state()));
    }

    /** Deletes and recreates the platform's topics and forgets the history loader's offsets: the drill's input is
     *  exactly what it writes. */
    void resetTopics() throws Exception {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<String> ours = List.of(Topics.all()).stream().filter(existing::contains).toList();
        admin.deleteTopics(ours).all().get(60, TimeUnit.SECONDS);
        Await.until("topics to be deleted", Duration.ofSeconds(60), () -> {
            try {
                return admin.listTopics().names().get(10, TimeUnit.SECONDS).stream().noneMatch(ours::contains);
            } catch (Exception e) {
                return false;
            }
        });
        boolean loaderKnown = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
                .anyMatch(g -> g.groupId().equals(HistoryLoader.GROUP_ID));
        if (loaderKnown) {
            admin.deleteConsumerGroups(List.of(HistoryLoader.GROUP_ID)).all().get(30, TimeUnit.SECONDS);
        }
        ClusterServices.createTopics(layout);
    }

    /** Drops {@code database} (and its shards' local tables) and builds it again, empty. */
    void freshDatabase(String database) throws SQLException {
        for (ClickHouse shard : ClusterServices.shards(layout)) {
            DistributedSchema.drop(shard, database);
        }
        ClusterServices.applySchema(layout, database);
    }

    /** The deployed pair on the cluster: the vital-signs job and the history loader behind it. */
    record Pipeline(String vitalsId, String vitalsGroup, String loaderId, String database) {}

    /** Submits the vital-signs job at parallelism 2 reading from the earliest offsets and the history loader into
     *  {@code database}, as deployed; waits until every task of both runs. */
    Pipeline submit(String database, String vitalsGroup) {
        String vitals = submitVitals(JobSubmitter.vitalsArgs(layout, 2, vitalsGroup));
        return new Pipeline(vitals, vitalsGroup, submitLoader(database), database);
    }

    /** The vital-signs job alone, from the earliest offsets, with {@code args} from {@link JobSubmitter}. */
    String submitVitals(List<String> args) {
        args.add("--from-earliest");
        return submitAndAwaitRunning(args);
    }

    /** The history loader into {@code database}, from its group's committed offsets (the beginning when none). */
    String submitLoader(String database) {
        return submitAndAwaitRunning(JobSubmitter.historyArgs(layout, 2, database));
    }

    private String submitAndAwaitRunning(List<String> args) {
        String id = JobSubmitter.submit(layout, jar, 2, args);
        Await.until("job " + id + " to run", Duration.ofSeconds(90), () -> flink.job(id).state().equals("RUNNING"));
        return id;
    }

    /** The topics the vital-signs job reads. */
    static final List<String> INPUT_TOPICS = List.of(Topics.READINGS, Topics.INCIDENTS);
    /** The topics the vital-signs job publishes, which the history loader takes into ClickHouse. */
    static final List<String> OUTPUT_TOPICS = List.of(Topics.INDICATOR_UPDATES, Topics.HEALTH_SCORES,
            Topics.ALERT_EVENTS);
    /** The topics the history loader reads. */
    static final List<String> LOADED_TOPICS = List.of(Topics.INDICATOR_UPDATES, Topics.HEALTH_SCORES,
            Topics.ALERT_EVENTS, Topics.READINGS, Topics.INCIDENTS);

    /** Sets where the (stopped) history loader starts: each partition at the given offset, or at 0 when absent. */
    void positionLoader(Map<TopicPartition, Long> offsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
        for (String topic : LOADED_TOPICS) {
            for (TopicPartition tp : endOffsets(topic).keySet()) {
                start.put(tp, new OffsetAndMetadata(offsets.getOrDefault(tp, 0L)));
            }
        }
        admin.alterConsumerGroupOffsets(HistoryLoader.GROUP_ID, start).all().get(30, TimeUnit.SECONDS);
    }

    /** The simulator writing {@code events} deterministic events (simulated time) into the cluster's Kafka. */
    Input startInput(long events) {
        return new Input(Simulator.start(SimulatorConfig.simulated(SEED, INPUT_RATE, INPUT_START),
                layout.kafkaBootstrap(), INPUT_MAX_BLOCK), events);
    }

    /** A running simulator that stops itself after a fixed number of events. */
    static final class Input {
        private final Simulator simulator;
        private final Thread stopper;

        Input(Simulator simulator, long events) {
            this.simulator = simulator;
            this.stopper = new Thread(() -> {
                while (simulator.eventsPublished() + simulator.eventsFailed() < events) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                simulator.close(); // waits for every event in flight
            }, "drill-input");
            stopper.start();
        }

        long published() {
            return simulator.eventsPublished();
        }

        long failed() {
            return simulator.eventsFailed();
        }

        /** Waits until the simulator has stopped and Kafka answered for every event. */
        void await() throws InterruptedException {
            stopper.join();
        }
    }

    /** Records in the topic's partitions now (end offsets summed). */
    long records(String topic) throws Exception {
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The records' values between two sets of offsets of a topic's partitions ({@code from} before, now after). */
    List<String> read(String topic, Map<TopicPartition, Long> from) throws Exception {
        Map<TopicPartition, Long> to = endOffsets(topic);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, layout.kafkaBootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(to.keySet());
            to.keySet().forEach(tp -> consumer.seek(tp, from.getOrDefault(tp, 0L)));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (to.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out reading " + topic);
                }
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < to.get(new TopicPartition(r.topic(), r.partition()))) {
                        values.add(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return values;
    }

    Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                .partitions();
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(
                p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> offsets.put(tp,
                info.offset()));
        return offsets;
    }

    /** Records of {@code topics} the group has not yet committed (Flink commits its Kafka offsets on each
     *  checkpoint). */
    long lag(String groupId, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        long lag = 0;
        for (String topic : topics) {
            for (var e : endOffsets(topic).entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                lag += e.getValue() - (c == null ? 0 : c.offset());
            }
        }
        return lag;
    }

    /** Input records the vital-signs job has not yet committed. */
    long inputLag(String groupId) throws Exception {
        return lag(groupId, INPUT_TOPICS);
    }

    /**
     * Waits until the vital-signs job has committed every input record and published what it computed, then until
     * the history loader has taken all of it (see {@link #awaitLoaded}).
     */
    void awaitStored(Pipeline p) {
        awaitConsumed(p.vitalsId(), p.vitalsGroup(), INPUT_TOPICS);
        awaitLoaded(p.loaderId(), p.database());
    }

    /** The history loader has committed everything its topics hold now, and what it stored in ClickHouse no longer
     *  changes (the sinks flush on each checkpoint; the Distributed tables forward to the shards in the background). */
    void awaitLoaded(String loaderId, String database) {
        awaitConsumed(loaderId, HistoryLoader.GROUP_ID, LOADED_TOPICS);
        List<Long> previous = new ArrayList<>(List.of(-1L));
        Await.until("stored rows of " + database + " to settle", JOB_TIMEOUT, () -> {
            try {
                long now = storedRows(database);
                boolean settled = now == previous.get(0);
                previous.set(0, now);
                Thread.sleep(3000);
                return settled;
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** The job has committed every record of {@code topics}, then completed one more checkpoint (which flushes its
     *  sinks). */
    void awaitConsumed(String jobId, String groupId, List<String> topics) {
        Await.until("job " + jobId + " to consume all of " + topics, JOB_TIMEOUT, () -> {
            try {
                return lag(groupId, topics) == 0;
            } catch (Exception e) {
                return false;
            }
        });
        long checkpoints = flink.completedCheckpoints(jobId);
        Await.until("one more checkpoint of job " + jobId, Duration.ofMinutes(2),
                () -> flink.completedCheckpoints(jobId) > checkpoints);
    }

    /** Rows in the job's tables (without FINAL: any insert changes it). */
    long storedRows(String database) throws SQLException {
        long total = 0;
        for (FinalDigest.JobTable table : FinalDigest.JOB_TABLES) {
            total += new TableContent(clickHouse).rows(database, table.name());
        }
        return total;
    }

    @Override
    public void close() {
        admin.close();
    }
}
