package org.erpinsight.sidecar.core;

/** Which of a customer's invoices to list; OPEN means unpaid and not yet due. */
public enum InvoiceFilter {
    ALL, OPEN, OVERDUE, PAID
}
