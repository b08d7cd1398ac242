package org.erpinsight.crm.api;

import java.time.Instant;

/**
 * Figures as the gateway could get them: fresh from the sidecar, or, when it cannot be reached
 * or is busy, the last ones it read ({@code stale}, with the {@code problem} that stopped a fresh
 * read, its {@code problemCode}, and {@code readAt}, when they were read), so that a page shows
 * something honest instead of nothing.
 *
 * @param problemCode why a fresh read failed ({@link ErpErrorCode#SIDECAR_BUSY} for a busy sidecar, so
 *                    that a page can say "busy" rather than "unreachable"); null when fresh
 */
public record ErpReading<T>(T value, Instant readAt, boolean stale, String problem, ErpErrorCode problemCode) {
    /** A reading without a problem code: fresh, or stale for a reason the gateway did not name. */
    public ErpReading(T value, Instant readAt, boolean stale, String problem) {
        this(value, readAt, stale, problem, stale ? ErpErrorCode.SIDECAR_UNREACHABLE : null);
    }

    /** Whether these are last known figures because the sidecar was busy, not down. */
    public boolean busy() {
        return stale && problemCode == ErpErrorCode.SIDECAR_BUSY;
    }
}
