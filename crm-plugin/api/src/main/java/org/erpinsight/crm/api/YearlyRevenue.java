package org.erpinsight.crm.api;

import java.math.BigDecimal;

/** Invoiced revenue of one year. */
public record YearlyRevenue(int year, BigDecimal amount) {
}
