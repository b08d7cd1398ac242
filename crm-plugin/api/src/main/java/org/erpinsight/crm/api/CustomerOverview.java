package org.erpinsight.crm.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer's financial position as the ERP reported it at {@code asOf}, amounts in
 * {@code currency}. Optional values are null when the customer has no history;
 * {@code creditLimit} is null when the ERP sets no limit for the customer (which is not a limit of 0).
 */
public record CustomerOverview(
        String customerNumber,
        String name,
        String currency,
        BigDecimal balance,
        BigDecimal overdueAmount,
        int openInvoiceCount,
        int overdueInvoiceCount,
        BigDecimal creditLimit,
        BigDecimal creditUsed,
        BigDecimal revenueThisYear,
        BigDecimal revenueLastYear,
        List<MonthlyRevenue> revenueByMonth,
        List<YearlyRevenue> revenueByYear,
        BigDecimal averageDaysToPay,
        LocalDate lastInvoiceDate,
        LocalDate lastPaymentDate,
        boolean blocked,
        Instant asOf) {

    public CustomerOverview {
        revenueByMonth = revenueByMonth == null ? List.of() : List.copyOf(revenueByMonth);
        revenueByYear = revenueByYear == null ? List.of() : List.copyOf(revenueByYear);
    }
}
