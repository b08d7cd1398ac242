package org.erpinsight.crm.api;

import java.math.BigDecimal;

/** Confirming the order would take the customer over its credit limit; the user must accept this. */
public record CreditWarning(BigDecimal creditLimit, BigDecimal creditUsed, BigDecimal orderTotal, BigDecimal exceededBy,
                            String message) {
}
