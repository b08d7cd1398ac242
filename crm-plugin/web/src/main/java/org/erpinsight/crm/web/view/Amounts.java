package org.erpinsight.crm.web.view;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How amounts are shown: grouped, two decimals, with the currency code; the exact value stays in data attributes. */
public final class Amounts {
    private Amounts() {
    }

    /** A unit price: as many decimals as the ERP gives (two to four), so a price of 11.7283 is not shown as 11.73. */
    public static String price(BigDecimal price, String currency) {
        if (price == null) {
            return "–";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00##", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        return format.format(price) + " " + (currency == null ? "" : currency);
    }

    public static String format(BigDecimal amount, String currency) {
        if (amount == null) {
            return "–";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setParseBigDecimal(true);
        return format.format(amount) + " " + (currency == null ? "" : currency);
    }
}
