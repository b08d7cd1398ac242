package org.erpinsight.sidecar.core;

import java.math.BigDecimal;
import java.time.YearMonth;

/** Invoiced revenue of one calendar month. */
public record MonthlyRevenue(YearMonth month, BigDecimal amount) {
}
