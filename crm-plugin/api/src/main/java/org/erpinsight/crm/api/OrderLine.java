package org.erpinsight.crm.api;

import java.math.BigDecimal;

/** An order line as the ERP priced it, naming the price rule that applied. */
public record OrderLine(int lineNumber, String itemNumber, String description, BigDecimal quantity, BigDecimal unitPrice,
                        BigDecimal discountPercent, BigDecimal lineAmount, String priceRule) {
}
