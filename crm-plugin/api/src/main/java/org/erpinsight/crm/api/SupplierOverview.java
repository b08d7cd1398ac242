package org.erpinsight.crm.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the company owes a supplier and buys from it, as the ERP reported it at {@code asOf}:
 * the payable balance (owed, positive), the net amount the supplier invoiced this and last
 * year, and the purchase orders sent and not finished.
 */
public record SupplierOverview(String supplierNumber, String name, String currency, BigDecimal payableBalance,
                               BigDecimal purchasesThisYear, BigDecimal purchasesLastYear, int openPurchaseOrderCount,
                               BigDecimal openPurchaseOrderAmount, Instant asOf) {
}
