package org.erpinsight.crm.api;

/** Where an invoice stands: unpaid and not yet due, unpaid past its due date, or paid. */
public enum InvoiceStatus {
    OPEN, OVERDUE, PAID
}
