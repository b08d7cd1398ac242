package org.erpinsight.crm.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The ERP's prices for a customer's lines on a date; nothing is stored. */
public record PriceQuote(String customerNumber, LocalDate date, String currency, BigDecimal total, List<OrderLine> lines) {
    public PriceQuote {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
