package org.erpinsight.sidecar.core;

import java.math.BigDecimal;

/** Invoiced revenue of one calendar year. */
public record YearlyRevenue(int year, BigDecimal amount) {
}
