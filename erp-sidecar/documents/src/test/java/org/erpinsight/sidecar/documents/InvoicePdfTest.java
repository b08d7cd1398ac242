package org.erpinsight.sidecar.documents;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.Test;

/** The rendering for ERPs without a document of their own, read back by poppler. */
public class InvoicePdfTest {
    private static final String[] NAMES = {"Łożysko kulkowe Ø20 mm — 2½\" (Kraków)", "Ηλεκτρικός πίνακας ελέγχου",
        "Кабель медный 3×2,5 мм² – €/m"};

    @BeforeClass
    public static void poppler() {
        Poppler.assumeInstalled();
    }

    private static PrintableInvoice invoice(int lineCount, String extraDescription) {
        List<PrintableInvoice.Line> lines = new ArrayList<>();
        BigDecimal net = BigDecimal.ZERO.setScale(2);
        for (int i = 1; i <= lineCount; i++) {
            BigDecimal price = new BigDecimal("12.3456");
            BigDecimal amount = price.multiply(BigDecimal.valueOf(i)).setScale(2, RoundingMode.HALF_EVEN);
            net = net.add(amount);
            lines.add(new PrintableInvoice.Line("ITEM-" + i, NAMES[i % NAMES.length] + (i == 7 ? " " + extraDescription : ""),
                    BigDecimal.valueOf(i), "pcs", price, amount));
        }
        BigDecimal tax = net.multiply(new BigDecimal("0.25")).setScale(2, RoundingMode.HALF_UP);
        return new PrintableInvoice(new PrintableInvoice.Party("Nordisk Demo ApS", null, List.of("Havnegade 1", "1058 København K"), "DK11112222"),
                new PrintableInvoice.Party("Ærø Færgefart A/S", "10008", List.of("5970 Ærøskøbing"), "DK11223344"),
                "INV-TEST-1", LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 20), "DKK", lines,
                List.of(new PrintableInvoice.Tax("Moms 25%", net, tax)), net, tax, net.add(tax), net.add(tax), "Betaling: netto 30 dage.");
    }

    @Test
    public void everyLineEveryPageTheTaxesAndEveryCharacterAreInTheDocument() throws Exception {
        PrintableInvoice invoice = invoice(75, "with a description long enough to be wrapped over more than one line of the table");
        byte[] pdf = new InvoicePdf(List.of()).render(invoice);
        String text = Poppler.text(pdf);
        int pages = Poppler.pages(pdf);
        assertTrue("75 lines take more than one page: " + pages, pages >= 2);
        for (int page = 1; page <= pages; page++) {
            assertTrue("page " + page + " is numbered", text.contains("Page " + page + " of " + pages));
        }
        for (PrintableInvoice.Line line : invoice.lines()) {
            assertTrue(line.item() + " is printed", text.matches("(?s).*\\b" + line.item() + "\\b.*"));
            assertTrue(line.item() + "'s amount is printed", text.contains(new java.text.DecimalFormat("#,##0.00",
                    java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ENGLISH)).format(line.amount())));
        }
        for (String name : new String[] {"Łożysko kulkowe", "Ø20", "2½", "Kraków", "Ηλεκτρικός πίνακας", "Кабель медный", "мм²", "€/m",
            "Ærø Færgefart A/S", "Ærøskøbing", "København"}) {
            assertTrue(name + " comes through as it is", text.contains(name));
        }
        assertTrue("the tax line", text.contains("Moms 25%"));
        assertTrue("the total", text.matches("(?s).*Total DKK\\s+[0-9,]+\\.\\d\\d.*"));
        assertTrue("the unit price keeps four digits", text.contains("12.3456"));
        assertTrue("the note", text.contains("netto 30 dage"));
        String flowing = text.replaceAll("\\s+", " ");
        for (String word : new String[] {"description", "long", "enough", "wrapped", "over", "table"}) {
            assertTrue("the wrapped description's '" + word + "'", flowing.contains(" " + word + " "));
        }
    }

    @Test
    public void aCharacterNoFontHasIsAQuestionMarkNotAFailure() throws Exception {
        String text = Poppler.text(new InvoicePdf(List.of()).render(invoice(8, "漢字")));
        assertTrue(text.contains("??"));
        assertEquals(1, Poppler.pages(new InvoicePdf(List.of()).render(invoice(3, "x"))));
    }
}
