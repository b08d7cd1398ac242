package org.erpinsight.sidecar.core;

import java.math.BigDecimal;

/** A line the caller wants priced or ordered: an item and a quantity. */
public record LineRequest(String itemNumber, BigDecimal quantity) {
}
