package org.erpinsight.crm.api;

import java.time.Instant;

/**
 * Figures as the gateway could get them: fresh from the sidecar, or, when it cannot be reached,
 * the last ones it read ({@code stale}, with the {@code problem} that stopped a fresh read and
 * {@code readAt}, when they were read), so that a page shows something honest instead of nothing.
 */
public record ErpReading<T>(T value, Instant readAt, boolean stale, String problem) {
}
