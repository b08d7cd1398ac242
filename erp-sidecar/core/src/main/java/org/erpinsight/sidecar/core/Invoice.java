package org.erpinsight.sidecar.core;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One customer invoice; {@code openAmount} is what is still to be paid. */
public record Invoice(String number, String customerNumber, LocalDate invoiceDate, LocalDate dueDate, String currency,
                      BigDecimal amount, BigDecimal paidAmount, BigDecimal openAmount, InvoiceStatus status,
                      LocalDate paidDate) {
}
