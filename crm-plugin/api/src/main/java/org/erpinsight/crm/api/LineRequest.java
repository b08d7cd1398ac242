package org.erpinsight.crm.api;

import java.math.BigDecimal;

/** A line to price or order: an ERP item number and a quantity. */
public record LineRequest(String itemNumber, BigDecimal quantity) {
}
