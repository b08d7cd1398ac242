package org.erpinsight.sidecar.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** ERP prices for a customer's lines on a date; nothing is stored. */
public record PriceQuote(String customerNumber, LocalDate date, String currency, BigDecimal total, List<OrderLine> lines) {
    public PriceQuote {
        lines = List.copyOf(lines);
    }
}
