package org.cityvitals.dashboard.situation;

import org.cityvitals.indicators.catalogue.EscalationPolicy;
import org.cityvitals.indicators.catalogue.SituationRules;
import org.cityvitals.indicators.signal.AlertAction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Which escalations are due at an instant, from the situation alone: an open situation nobody has acknowledged
 * escalates at each step of the policy for its level and district, counted from its opening; an acknowledged one
 * not yet resolved reminds the duty of the last step sent (or of the first step) every {@code renotify} after the
 * acknowledgement, only the newest reminder when several fell due. Steps and reminders already taken (an action with
 * their id is known, from any instance) are not due again. A situation that planned work explains whole calls
 * nobody out. Pure: the caller passes the clock's instant.
 */
public final class EscalationPlanner {

    private final SituationRules rules;

    public EscalationPlanner(SituationRules rules) {
        this.rules = rules;
    }

    /** @param taken whether an action with this id is known on this situation: {@code (situationId, actionId)} */
    public List<Escalation> due(Situation s, Instant now, BiPredicate<String, String> taken) {
        if (!s.open() || s.inMaintenance()) {
            return List.of();
        }
        EscalationPolicy policy = rules.policyFor(s.level(), s.district()).orElse(null);
        if (policy == null) {
            return List.of();
        }
        List<Escalation> due = new ArrayList<>();
        AlertAction ack = s.acknowledged();
        if (ack == null) {
            for (int i = 0; i < policy.steps().size(); i++) {
                EscalationPolicy.Step step = policy.steps().get(i);
                Instant at = s.openedAt().plus(step.after());
                String id = SituationIds.escalation(s.id(), i + 1);
                if (!at.isAfter(now) && !taken.test(s.id(), id)) {
                    due.add(new Escalation(s.id(), s.district(), s.level(), id, i + 1, 0, step.duty(), at));
                }
            }
        } else if (policy.renotify() != null) {
            Duration every = policy.renotify();
            long n = Duration.between(ack.actedAt(), now).dividedBy(every);
            String id = SituationIds.reminder(s.id(), n);
            if (n >= 1 && !taken.test(s.id(), id)) {
                due.add(new Escalation(s.id(), s.district(), s.level(), id, 0, n, remindedDuty(s, policy),
                        ack.actedAt().plus(every.multipliedBy(n))));
            }
        }
        return due;
    }

    /** The duty of the last step that went out, else of the first step: whoever was told, is told again. */
    private static String remindedDuty(Situation s, EscalationPolicy policy) {
        int sent = 0;
        for (int i = 0; i < policy.steps().size(); i++) {
            String id = SituationIds.escalation(s.id(), i + 1);
            if (s.escalations().stream().anyMatch(a -> a.actionId().equals(id))) {
                sent = i;
            }
        }
        return policy.steps().get(sent).duty();
    }
}
