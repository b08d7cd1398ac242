package org.erpinsight.crm.web.view;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/** Danish and English say the same things: the same keys, the same values filled in; and their formats. */
public class TextsTest {
    /** Words that Danish writes as English does. */
    private static final java.util.Set<String> SAME_IN_BOTH = java.util.Set.of("invoices.status", "orders.reference", "projects.status", "projects.budget",
            "entry.find", "manager.score");

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream("/org/erpinsight/crm/web/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    public void everyTextHasBothLanguagesWithTheSameValuesFilledIn() throws Exception {
        Properties english = load("texts.properties");
        Properties danish = load("texts_da.properties");
        assertEquals("the same keys", new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(danish.stringPropertyNames()));
        for (String key : english.stringPropertyNames()) {
            assertEquals(key, placeholders(english.getProperty(key)), placeholders(danish.getProperty(key)));
            if (!SAME_IN_BOTH.contains(key)) {
                assertNotEquals("translated: " + key, english.getProperty(key), danish.getProperty(key));
            }
        }
    }

    @Test
    public void danishIsChosenForDanishAndEnglishForEverythingElse() {
        assertEquals("Vi skylder", Texts.of(Locale.forLanguageTag("da-DK")).get("supplier.payableBalance"));
        assertEquals("Vi skylder", Texts.of(Locale.forLanguageTag("da")).get("supplier.payableBalance"));
        assertEquals("We owe", Texts.of(Locale.GERMAN).get("supplier.payableBalance"));
        assertEquals("3 ordre(r)", Texts.of(Locale.forLanguageTag("da")).get("supplier.openPurchaseOrders", 3));
        assertEquals("no.such.key", Texts.ENGLISH.get("no.such.key"));
        assertEquals("an apostrophe is written '' in the files", "the ERP's next", Texts.ENGLISH.get("link.nextNumber"));
        assertEquals("ERP's næste", Texts.of(Locale.forLanguageTag("da")).get("link.nextNumber"));
    }

    @Test
    public void amountsAndDatesAreWrittenAsTheLanguageDoes() {
        Texts da = Texts.of(Locale.forLanguageTag("da-DK"));
        assertEquals("1.234.567,50 DKK", da.amount(new BigDecimal("1234567.5"), "DKK"));
        assertEquals("1,234,567.50 DKK", Texts.ENGLISH.amount(new BigDecimal("1234567.5"), "DKK"));
        assertEquals("-0,25 EUR", da.amount(new BigDecimal("-0.25"), "EUR"));
        assertEquals("1.012,3456 DKK", da.price(new BigDecimal("1012.3456"), "DKK"));
        assertEquals("26.11.2026", da.date(java.time.LocalDate.of(2026, 11, 26)));
        assertEquals("2026-11-26", Texts.ENGLISH.date(java.time.LocalDate.of(2026, 11, 26)));
        String danishDate = da.dateTime(java.time.Instant.parse("2026-12-01T13:41:21Z"));
        assertEquals(danishDate, true, danishDate.contains("2026") && danishDate.contains("dec"));
    }
}
