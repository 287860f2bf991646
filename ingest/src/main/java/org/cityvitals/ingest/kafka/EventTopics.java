package org.cityvitals.ingest.kafka;

import org.cityvitals.indicators.Topics;
import org.cityvitals.ingest.source.OutboundEvent;

import java.util.List;

/** Where readings and incidents go: the live topics (simulator, gateway) or the replay topics (history). */
public record EventTopics(String readings, String incidents) {
    public static final EventTopics LIVE = new EventTopics(Topics.READINGS, Topics.INCIDENTS);
    public static final EventTopics REPLAY = new EventTopics(Topics.REPLAY_READINGS, Topics.REPLAY_INCIDENTS);

    public String of(OutboundEvent.Kind kind) {
        return kind == OutboundEvent.Kind.READING ? readings : incidents;
    }

    public List<String> both() {
        return List.of(readings, incidents);
    }
}
