package org.erpinsight.sidecar.core;

/** Where an invoice stands: unpaid and not yet due, unpaid past its due date, or paid. */
public enum InvoiceStatus {
    OPEN, OVERDUE, PAID
}
