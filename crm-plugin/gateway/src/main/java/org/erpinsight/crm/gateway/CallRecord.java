package org.erpinsight.crm.gateway;

import java.time.Instant;
import java.util.Arrays;

import org.erpinsight.crm.api.status.SidecarStatus;

/**
 * What a connection's calls came to: counts, the last error, the last answer, and the durations of
 * the latest answered calls, for the admin's view of the sidecar. Cheap enough for every call.
 */
final class CallRecord {
    static final int RECENT = 100;

    private final long[] recentNanos = new long[RECENT];
    private int recentCount;
    private int next;
    private long calls;
    private long failedCalls;
    private boolean lastFailed;
    private String lastError;
    private Instant lastErrorAt;
    private Instant lastAnswerAt;

    synchronized void answered(long nanos) {
        calls++;
        lastFailed = false;
        lastAnswerAt = Instant.now();
        recentNanos[next] = nanos;
        next = (next + 1) % RECENT;
        recentCount = Math.min(RECENT, recentCount + 1);
    }

    synchronized void failed(String message) {
        calls++;
        failedCalls++;
        lastFailed = true;
        lastError = message;
        lastErrorAt = Instant.now();
    }

    synchronized SidecarStatus.State state() {
        if (calls == 0) {
            return SidecarStatus.State.NOT_CALLED_YET;
        }
        return lastFailed ? SidecarStatus.State.FAILING : SidecarStatus.State.ANSWERING;
    }

    synchronized SidecarStatus status(String source, String url, String transport, SidecarStatus.State state, long secondsUntilRetry) {
        long median = -1;
        long max = -1;
        if (recentCount > 0) {
            long[] sorted = Arrays.copyOf(recentNanos, recentCount);
            Arrays.sort(sorted);
            median = sorted[(recentCount - 1) / 2] / 1_000_000;
            max = sorted[recentCount - 1] / 1_000_000;
        }
        return new SidecarStatus(source, url, transport, state, secondsUntilRetry, calls, failedCalls, lastError, lastErrorAt,
                lastAnswerAt, recentCount, median, max);
    }
}
