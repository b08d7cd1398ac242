package org.erpinsight.sidecar.adapter.reference;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Where the reference ERP keeps its Derby database, how much demo data a new one gets, and
 * the clock that decides what "today" and "overdue" mean.
 */
public record ReferenceErpSettings(Path dataDirectory, DemoSize demoSize, Clock clock) {
}
