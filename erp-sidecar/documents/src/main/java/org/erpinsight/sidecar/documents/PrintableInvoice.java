package org.erpinsight.sidecar.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything an invoice document shows, as the ERP holds it: who issued it and to whom, every
 * line, the taxes by rate, the totals and what is still to pay. Amounts are in {@code currency}.
 */
public record PrintableInvoice(
        Party issuer,
        Party customer,
        String number,
        LocalDate invoiceDate,
        LocalDate dueDate,
        String currency,
        List<Line> lines,
        List<Tax> taxes,
        BigDecimal untaxed,
        BigDecimal taxTotal,
        BigDecimal total,
        BigDecimal toPay,
        String note) {

    public PrintableInvoice {
        lines = List.copyOf(lines);
        taxes = List.copyOf(taxes);
    }

    /** A party as printed: name, number (customers), address lines and VAT number; nulls are left out. */
    public record Party(String name, String number, List<String> address, String vatNumber) {
        public Party {
            address = address.stream().filter(line -> line != null && !line.isBlank()).toList();
        }
    }

    /** One invoice line. */
    public record Line(String item, String description, BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal amount) {
    }

    /** One tax: its name (with the rate), the base it was computed on and its amount. */
    public record Tax(String name, BigDecimal base, BigDecimal amount) {
    }
}
