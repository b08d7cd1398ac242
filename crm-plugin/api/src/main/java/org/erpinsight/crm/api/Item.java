package org.erpinsight.crm.api;

import java.math.BigDecimal;

/** An item the ERP sells, with its base price (the price a customer pays comes from a price quote). */
public record Item(String number, String name, String unit, BigDecimal basePrice, String currency) {
}
