package org.erpinsight.crm.web.view;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Random;

import org.junit.Test;

/** The hand-made formatting says exactly what the JDK's DecimalFormat said before, for many amounts. */
public class AmountsTest {

    @Test
    public void amountsAndPricesAreFormattedAsDecimalFormatDid() {
        DecimalFormat amount = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        DecimalFormat price = new DecimalFormat("#,##0.00##", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            BigDecimal value = BigDecimal.valueOf(random.nextLong() % 10_000_000_000L, random.nextInt(7));
            if (value.setScale(2, java.math.RoundingMode.HALF_EVEN).signum() == 0) {
                continue;
            }
            assertEquals(value.toPlainString(), amount.format(value) + " DKK", Amounts.format(value, "DKK"));
            assertEquals(value.toPlainString(), price.format(value) + " EUR", Amounts.price(value, "EUR"));
        }
        // the one difference, on purpose: DecimalFormat showed a negative amount that rounds to zero as "-0.00"
        assertEquals("0.00 DKK", Amounts.format(new BigDecimal("-0.005"), "DKK"));
        for (String edge : new String[] {"0", "0.005", "0.015", "999.995", "-999.995", "1000", "-1234567.891", "12.3456", "11.72835"}) {
            BigDecimal value = new BigDecimal(edge);
            assertEquals(edge, amount.format(value) + " DKK", Amounts.format(value, "DKK"));
            assertEquals(edge, price.format(value) + " DKK", Amounts.price(value, "DKK"));
        }
        assertEquals("–", Amounts.format(null, "DKK"));
    }
}
