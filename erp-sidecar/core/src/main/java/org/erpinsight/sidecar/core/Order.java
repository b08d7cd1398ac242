package org.erpinsight.sidecar.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A sales order in the ERP with its lines; {@code reference} is the caller's text, if any. */
public record Order(String number, String customerNumber, LocalDate orderDate, OrderStatus status, String currency,
                    BigDecimal total, String reference, List<OrderLine> lines) {
    public Order {
        lines = List.copyOf(lines);
    }
}
