package org.cityvitals.ingest.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cityvitals.ingest.source.OutboundEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The verdicts on one request's items: the events to publish and the refused items with their errors. */
record IngestOutcome(int received, List<OutboundEvent> valid, List<Refused> rejected) {
    /** Errors listed in one response at most; the counts always cover every item. */
    static final int MAX_ERRORS_SHOWN = 1000;

    record Refused(BodyItem item, List<ItemError> errors) {
    }

    static IngestOutcome judge(List<BodyItem> items, Function<BodyItem, ItemValidator.Verdict> validate) {
        List<OutboundEvent> valid = new ArrayList<>(items.size());
        List<Refused> rejected = new ArrayList<>();
        for (BodyItem item : items) {
            ItemValidator.Verdict verdict = validate.apply(item);
            if (verdict.ok()) valid.add(verdict.event());
            else rejected.add(new Refused(item, verdict.errors()));
        }
        return new IngestOutcome(items.size(), valid, rejected);
    }

    boolean hasErrors() {
        return !rejected.isEmpty();
    }

    JsonObject toJson(int accepted) {
        JsonArray errors = new JsonArray();
        rejected.stream().flatMap(r -> r.errors().stream()).limit(MAX_ERRORS_SHOWN).forEach(e -> errors.add(
                new JsonObject().put("line", e.line()).put("field", e.field()).put("reason", e.reason().code())
                        .put("detail", e.detail())));
        JsonObject json = new JsonObject().put("received", received).put("accepted", accepted)
                .put("rejected", rejected.size()).put("errors", errors);
        if (errors.size() == MAX_ERRORS_SHOWN) json.put("errorsTruncated", true);
        return json;
    }
}
