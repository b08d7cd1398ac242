package org.erpinsight.crm.web.view;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How amounts are shown: grouped, two decimals, with the currency code; the exact value stays in
 * data attributes. Formatted by hand: a DecimalFormat per amount (a page shows a hundred) made a
 * warm page allocate about a megabyte, and the garbage collector's pauses became the page's p99.
 */
public final class Amounts {
    private Amounts() {
    }

    /** A unit price: as many decimals as the ERP gives (two to four), so a price of 11.7283 is not shown as 11.73. */
    public static String price(BigDecimal price, String currency) {
        return price(price, currency, java.util.Locale.ENGLISH);
    }

    public static String price(BigDecimal price, String currency, java.util.Locale locale) {
        if (price == null) {
            return "–";
        }
        BigDecimal rounded = price.setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (rounded.scale() < 2) {
            rounded = rounded.setScale(2);
        }
        return inLanguage(grouped(rounded), locale) + " " + (currency == null ? "" : currency);
    }

    private static String inLanguage(String englishNumber, java.util.Locale locale) {
        return locale != null && "da".equals(locale.getLanguage())
                ? englishNumber.replace(',', ' ').replace('.', ',').replace(' ', '.') : englishNumber;
    }

    public static String format(BigDecimal amount, String currency) {
        return format(amount, currency, java.util.Locale.ENGLISH);
    }

    /** Danish writes 1.234,50 where English writes 1,234.50. */
    public static String format(BigDecimal amount, String currency, java.util.Locale locale) {
        if (amount == null) {
            return "–";
        }
        return inLanguage(grouped(amount.setScale(2, RoundingMode.HALF_EVEN)), locale) + " " + (currency == null ? "" : currency);
    }

    /** 1234567.5 as "1,234,567.5": thousands grouped by commas, the decimals as the scale gives them. */
    static String grouped(BigDecimal value) {
        String plain = value.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder b = new StringBuilder(plain.length() + whole.length() / 3 + 1);
        if (value.signum() < 0) {
            b.append('-');
        }
        int lead = whole.length() % 3 == 0 ? 3 : whole.length() % 3;
        b.append(whole, 0, lead);
        for (int i = lead; i < whole.length(); i += 3) {
            b.append(',').append(whole, i, i + 3);
        }
        if (dot >= 0) {
            b.append(plain, dot, plain.length());
        }
        return b.toString();
    }
}
