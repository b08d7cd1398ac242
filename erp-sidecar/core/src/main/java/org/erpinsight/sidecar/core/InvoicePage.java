package org.erpinsight.sidecar.core;

import java.util.List;

/** One page of a customer's invoices, newest first; {@code total} counts all that match the filter. */
public record InvoicePage(int offset, int limit, int total, List<Invoice> invoices) {
    public InvoicePage {
        invoices = List.copyOf(invoices);
    }
}
