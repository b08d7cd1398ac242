package org.erpinsight.crm.api.status;

import java.time.Instant;

/**
 * A sidecar's state from the calls the CRM made lately.
 *
 * @param state what the numbers below add up to
 * @param secondsUntilRetry while {@link State#PAUSED}, how long until one call tries again
 * @param calls calls since the connection was configured
 * @param failedCalls of those, how many failed (unreachable, timed out, server error)
 * @param lastError the last failure in words, or null
 * @param lastErrorAt when, or null
 * @param lastAnswerAt when the sidecar last answered, or null
 * @param recentCalls how many of the latest calls the latencies describe (at most 100)
 * @param latencyMedianMillis their median duration, or -1 without calls
 * @param latencyMaxMillis their longest, or -1 without calls
 */
public record SidecarStatus(String source, String url, String transport, State state, long secondsUntilRetry, long calls,
        long failedCalls, String lastError, Instant lastErrorAt, Instant lastAnswerAt, int recentCalls,
        long latencyMedianMillis, long latencyMaxMillis) {

    public enum State {
        /** No call yet since it was configured. */
        NOT_CALLED_YET,
        /** The last call was answered. */
        ANSWERING,
        /** The last call failed; the circuit breaker is still closed. */
        FAILING,
        /** Failed repeatedly: the circuit breaker is open and calls fail at once until the pause ends. */
        PAUSED
    }
}
