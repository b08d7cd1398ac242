package org.erpinsight.sidecar.core;

import java.util.Locale;
import java.util.Objects;

/** Use cases: a customer's invoices, filtered and paged, and one invoice's PDF document. */
public final class Invoices {
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;

    private final ErpAdapter erp;

    public Invoices(ErpAdapter erp) {
        this.erp = Objects.requireNonNull(erp);
    }

    public InvoicePage list(String customerNumber, InvoiceFilter filter, Integer offset, Integer limit) {
        String checked = Inputs.partyNumber(customerNumber);
        int o = Inputs.offset(offset);
        int l = Inputs.limit(limit, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        InvoiceFilter f = filter == null ? InvoiceFilter.ALL : filter;
        return ErpCalls.call(() -> erp.invoices(checked, f, o, l))
                .orElseThrow(() -> new ErpException(ErrorCode.CUSTOMER_NOT_FOUND, "No customer with number " + checked));
    }

    public byte[] document(String invoiceNumber) {
        String checked = Inputs.number(invoiceNumber, "an invoice number");
        return ErpCalls.call(() -> erp.invoiceDocument(checked))
                .orElseThrow(() -> new ErpException(ErrorCode.INVOICE_NOT_FOUND, "No invoice with number " + checked));
    }

    /** Parses a filter as sent by a client; unknown values are a client error. */
    public static InvoiceFilter filter(String value) {
        if (value == null || value.isBlank()) {
            return InvoiceFilter.ALL;
        }
        try {
            return InvoiceFilter.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ErpException(ErrorCode.INVALID_REQUEST, "status must be ALL, OPEN, OVERDUE or PAID");
        }
    }
}
