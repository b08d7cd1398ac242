package org.erpinsight.crm.gateway;

import java.util.function.LongSupplier;

/**
 * Stops calling a sidecar that keeps failing: after {@code threshold} failures in a row it is
 * not asked for {@code openNanos}; then one call may try again, and its outcome closes or
 * reopens the circuit. CRM pages then fail at once instead of waiting for each timeout.
 */
final class CircuitBreaker {
    private final int threshold;
    private final long openNanos;
    private final LongSupplier nanoTime;
    private int failures;
    private long openedAt;
    private boolean open;
    private boolean trialInFlight;
    private long openings;

    CircuitBreaker(int threshold, long openNanos, LongSupplier nanoTime) {
        this.threshold = Math.max(1, threshold);
        this.openNanos = openNanos;
        this.nanoTime = nanoTime;
    }

    /** Whether a call may go ahead now. */
    synchronized boolean allow() {
        if (!open) {
            return true;
        }
        if (!trialInFlight && nanoTime.getAsLong() - openedAt >= openNanos) {
            trialInFlight = true;
            return true;
        }
        return false;
    }

    synchronized void succeeded() {
        failures = 0;
        open = false;
        trialInFlight = false;
    }

    /**
     * A call that let through gave no verdict (the sidecar was busy, or the call never left): a
     * trial call may be made again.
     */
    synchronized void abandoned() {
        trialInFlight = false;
    }

    synchronized void failed() {
        failures++;
        trialInFlight = false;
        if (open || failures >= threshold) {
            openings += open ? 0 : 1;
            open = true;
            openedAt = nanoTime.getAsLong();
        }
    }

    /**
     * Opens at once, whatever the count: for a sidecar that accepted a call and did not answer
     * within the deadline. Every further call would hold its caller for the whole deadline too,
     * so a page with several tabs would wait once per tab.
     */
    synchronized void trip() {
        failures = Math.max(failures, threshold);
        trialInFlight = false;
        openings += open ? 0 : 1;
        open = true;
        openedAt = nanoTime.getAsLong();
    }

    /** Whether calls fail at once now (open, and no trial call has closed it yet). */
    synchronized boolean isOpen() {
        return open;
    }

    /** How often the circuit opened (a closed circuit that opened; a failed trial that reopens it does not count). */
    synchronized long openings() {
        return openings;
    }

    synchronized long secondsUntilRetry() {
        return Math.max(0, (openNanos - (nanoTime.getAsLong() - openedAt)) / 1_000_000_000L);
    }
}
