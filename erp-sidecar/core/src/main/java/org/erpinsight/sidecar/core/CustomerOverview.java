package org.erpinsight.sidecar.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer's financial position as the ERP reports it, in the customer's currency.
 * {@code asOf} is when the figures were read; optional values are null when there is no history;
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
        revenueByMonth = List.copyOf(revenueByMonth);
        revenueByYear = List.copyOf(revenueByYear);
    }
}
