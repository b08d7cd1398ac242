package org.erpinsight.sidecar.core;

import java.math.BigDecimal;
import java.time.Instant;

/** A supplier's position as the ERP reports it: what we owe, what we bought, what is on order. */
public record SupplierOverview(String supplierNumber, String name, String currency, BigDecimal payableBalance,
                               BigDecimal purchasesThisYear, BigDecimal purchasesLastYear, int openPurchaseOrderCount,
                               BigDecimal openPurchaseOrderAmount, Instant asOf) {
}
