package org.erpinsight.crm.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A sales order in the ERP with its lines; {@code status} is DRAFT or CONFIRMED. */
public record Order(String number, String customerNumber, LocalDate orderDate, String status, String currency, BigDecimal total,
                    String reference, List<OrderLine> lines) {
    public Order {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
