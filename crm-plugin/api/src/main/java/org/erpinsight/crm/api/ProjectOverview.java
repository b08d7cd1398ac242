package org.erpinsight.crm.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * A project's economics as the ERP reported them at {@code asOf}: the budget, the hours
 * registered and their cost, travel and other expenses, what is invoiced and not yet invoiced,
 * and the margin (invoiced + not invoiced - hours cost - expenses).
 */
public record ProjectOverview(String projectNumber, String name, String customerNumber, String currency, BigDecimal budget,
                              BigDecimal hours, BigDecimal hoursCost, BigDecimal travelExpenses, BigDecimal otherExpenses,
                              BigDecimal invoiced, BigDecimal notInvoiced, BigDecimal margin, Instant asOf) {

    /** Hours cost and expenses together. */
    public BigDecimal cost() {
        return hoursCost.add(travelExpenses).add(otherExpenses);
    }

    /** How much of the budget the cost has used, in percent (null without a budget). */
    public BigDecimal budgetUsedPercent() {
        if (budget == null || budget.signum() <= 0) {
            return null;
        }
        return cost().multiply(BigDecimal.valueOf(100)).divide(budget, 1, RoundingMode.HALF_UP);
    }
}
