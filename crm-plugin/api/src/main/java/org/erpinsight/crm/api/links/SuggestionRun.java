package org.erpinsight.crm.api.links;

import java.time.Instant;

/**
 * A bulk suggestion run: every unlinked CRM record against every ERP party of a source and kind,
 * in the background. Its progress, as an admin watches it.
 *
 * @param phase what it does now, in words ("reading the ERP's parties", "matching")
 * @param done records looked at so far, of {@code total}
 * @param linked links made at once (score at or above the threshold, clearly the best)
 * @param queued suggestions waiting in the review queue
 * @param perSecond records a second since the run (re)started; 0 before it has a rate
 * @param secondsLeft at that rate; -1 when not known
 */
public record SuggestionRun(long id, String source, LinkKind kind, double threshold, String actor, State state, String phase, int done,
                            int total, int linked, int queued, Instant startedAt, Instant updatedAt, double perSecond, long secondsLeft,
                            String message) {

    public enum State {
        RUNNING, DONE, CANCELLED, FAILED
    }
}
