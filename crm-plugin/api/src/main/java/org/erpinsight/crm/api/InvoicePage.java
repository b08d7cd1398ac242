package org.erpinsight.crm.api;

import java.util.List;

/** One page of a customer's invoices, newest first; {@code total} counts all that match. */
public record InvoicePage(int offset, int limit, int total, List<Invoice> invoices) {
    public InvoicePage {
        invoices = invoices == null ? List.of() : List.copyOf(invoices);
    }
}
