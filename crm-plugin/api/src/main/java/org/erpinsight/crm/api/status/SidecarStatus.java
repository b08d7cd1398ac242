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
 * @param busyCalls calls the sidecar refused as busy (its rate limit) or that found no free place in time; not failures
 * @param breakerOpenings how often the circuit breaker opened since the connection was configured
 * @param sharedReads reads answered by a call that another reader of the same figures had in flight
 * @param callsInFlight calls under way now
 * @param callsWaiting calls waiting now for a place among the calls in flight
 */
public record SidecarStatus(String source, String url, String transport, State state, long secondsUntilRetry, long calls,
        long failedCalls, String lastError, Instant lastErrorAt, Instant lastAnswerAt, int recentCalls,
        long latencyMedianMillis, long latencyMaxMillis, long busyCalls, long breakerOpenings, long sharedReads,
        int callsInFlight, int callsWaiting) {

    /** A status without the load figures (busy calls, breaker openings, shared reads, calls in flight and waiting): all 0. */
    public SidecarStatus(String source, String url, String transport, State state, long secondsUntilRetry, long calls,
                         long failedCalls, String lastError, Instant lastErrorAt, Instant lastAnswerAt, int recentCalls,
                         long latencyMedianMillis, long latencyMaxMillis) {
        this(source, url, transport, state, secondsUntilRetry, calls, failedCalls, lastError, lastErrorAt, lastAnswerAt, recentCalls,
                latencyMedianMillis, latencyMaxMillis, 0, 0, 0, 0, 0);
    }

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
