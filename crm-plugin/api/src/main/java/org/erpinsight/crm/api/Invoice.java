package org.erpinsight.crm.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One customer invoice as the ERP reports it; {@code openAmount} is still to be paid. */
public record Invoice(String number, String customerNumber, LocalDate invoiceDate, LocalDate dueDate, String currency,
                      BigDecimal amount, BigDecimal paidAmount, BigDecimal openAmount, InvoiceStatus status, LocalDate paidDate) {
}
