package org.erpinsight.sidecar.adapter.reference;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.erpinsight.sidecar.documents.InvoicePdf;

/**
 * Where the reference ERP keeps its Derby database, how much demo data a new one gets, the
 * clock that decides what "today" and "overdue" mean, and what renders its invoice documents.
 */
public record ReferenceErpSettings(Path dataDirectory, DemoSize demoSize, Clock clock, InvoicePdf invoiceRenderer) {

    public ReferenceErpSettings(Path dataDirectory, DemoSize demoSize, Clock clock) {
        this(dataDirectory, demoSize, clock, new InvoicePdf(List.of()));
    }
}
