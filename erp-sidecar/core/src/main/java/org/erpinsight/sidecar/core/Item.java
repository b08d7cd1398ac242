package org.erpinsight.sidecar.core;

import java.math.BigDecimal;

/** Something the company sells, with its list price. */
public record Item(String number, String name, String unit, BigDecimal basePrice, String currency) {
}
