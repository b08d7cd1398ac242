package org.erpinsight.sidecar.core;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A project's money: budget; hours registered and what they cost; travel and other expenses;
 * what is invoiced and what is not yet (hours at the project's rate plus expenses); and the
 * margin, that is the billable value less the cost.
 */
public record ProjectOverview(String projectNumber, String name, String customerNumber, String currency,
                              BigDecimal budget, BigDecimal hours, BigDecimal hoursCost, BigDecimal travelExpenses,
                              BigDecimal otherExpenses, BigDecimal invoiced, BigDecimal notInvoiced, BigDecimal margin,
                              Instant asOf) {
}
