package org.erpinsight.crm.api;

import java.math.BigDecimal;
import java.time.YearMonth;

/** Invoiced revenue of one month. */
public record MonthlyRevenue(YearMonth month, BigDecimal amount) {
}
