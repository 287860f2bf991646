package org.cityvitals.launcher.cluster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the drills and commands ask Flink's REST API: jobs and their states, restart counts, checkpoints (the one
 * a job restored from, the latest completed), and cancellation.
 */
final class FlinkRest {

    /** A job as {@code /jobs/overview} lists it. */
    record Job(String id, String name, String state) {}

    /** The checkpoint a job last restored from, as {@code /jobs/:id/checkpoints} reports it. */
    record Restore(long checkpointId, String path, long restoredAt) {}

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    FlinkRest(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    List<Job> jobs() {
        List<Job> jobs = new ArrayList<>();
        JsonArray list = get("/jobs/overview").getJsonArray("jobs", new JsonArray());
        for (int i = 0; i < list.size(); i++) {
            JsonObject j = list.getJsonObject(i);
            jobs.add(new Job(j.getString("jid"), j.getString("name"), j.getString("state")));
        }
        return jobs;
    }

    List<Job> running() {
        return jobs().stream().filter(j -> j.state().equals("RUNNING") || j.state().equals("RESTARTING")
                || j.state().equals("CREATED") || j.state().equals("INITIALIZING")).toList();
    }

    Job job(String id) {
        JsonObject j = get("/jobs/" + id);
        return new Job(j.getString("jid"), j.getString("name"), j.getString("state"));
    }

    /** How long the job ran, from Flink's own record (start to end, or to now while it runs). */
    long durationMillis(String jobId) {
        return get("/jobs/" + jobId).getLong("duration");
    }

    /** How often the job has been restarted since it was submitted (the job metric {@code numRestarts}). */
    long restarts(String jobId) {
        JsonArray metrics = getArray("/jobs/" + jobId + "/metrics?get=numRestarts");
        return metrics.isEmpty() ? 0 : Long.parseLong(metrics.getJsonObject(0).getString("value"));
    }

    /** The checkpoint the job last restored from, if it ever restored. */
    Optional<Restore> lastRestore(String jobId) {
        JsonObject restored = checkpoints(jobId).getJsonObject("latest", new JsonObject()).getJsonObject("restored");
        if (restored == null) {
            return Optional.empty();
        }
        return Optional.of(new Restore(restored.getLong("id"), restored.getString("external_path", ""),
                restored.getLong("restore_timestamp", 0L)));
    }

    /** Checkpoints completed so far. */
    long completedCheckpoints(String jobId) {
        return checkpoints(jobId).getJsonObject("counts", new JsonObject()).getLong("completed", 0L);
    }

    private JsonObject checkpoints(String jobId) {
        return get("/jobs/" + jobId + "/checkpoints");
    }

    /** Ids of the TaskManagers running at least one task (a slot in use). */
    List<String> busyTaskManagers() {
        List<String> busy = new ArrayList<>();
        JsonArray list = get("/taskmanagers").getJsonArray("taskmanagers", new JsonArray());
        for (int i = 0; i < list.size(); i++) {
            JsonObject tm = list.getJsonObject(i);
            if (tm.getInteger("freeSlots") < tm.getInteger("slotsNumber")) {
                busy.add(tm.getString("id"));
            }
        }
        return busy;
    }

    void cancel(String jobId) {
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/jobs/" + jobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    private JsonObject get(String path) {
        return new JsonObject(send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()));
    }

    private JsonArray getArray(String path) {
        return new JsonArray(send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()));
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException("Flink REST " + r.request().uri() + " answered " + r.statusCode()
                        + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException("Flink REST API at " + baseUrl + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
