package org.erpinsight.sidecar.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A complete invoice document for an ERP that has none of its own: every line (wrapped, over
 * as many A4 pages as it takes, the column heads repeated), the taxes by rate, the totals and
 * what is still to pay, each page numbered. Text is set in DejaVu Sans, embedded, so any
 * Latin, Greek or Cyrillic text prints as it is; a character that font lacks is taken from the
 * extra fonts given (for example a CJK font), else printed as '?'.
 */
public final class InvoicePdf {
    private static final String DEJAVU = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    private static final String DEJAVU_BOLD = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";
    private static final float MARGIN = 50;
    private static final float TOP = PDRectangle.A4.getHeight() - MARGIN;
    private static final float BOTTOM = 70;
    private static final float SIZE = 9;
    private static final float LEADING = 12;
    private static final float RIGHT = PDRectangle.A4.getWidth() - MARGIN;
    private static final float DESCRIPTION_X = 125;
    private static final float DESCRIPTION_WIDTH = 215;
    private static final float QUANTITY_RIGHT = 395;
    private static final float PRICE_RIGHT = 470;

    private final List<Path> extraFonts;

    /** @param extraFonts TrueType fonts to take characters from that DejaVu Sans lacks (may be empty) */
    public InvoicePdf(List<Path> extraFonts) {
        this.extraFonts = List.copyOf(extraFonts);
    }

    public byte[] render(PrintableInvoice invoice) {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Invoice " + invoice.number());
            info.setCreator("ERP Insight sidecar");
            Writer writer = new Writer(doc, invoice, fonts(doc, DEJAVU), fonts(doc, DEJAVU_BOLD));
            writer.write();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render invoice " + invoice.number(), e);
        }
    }

    private Fonts fonts(PDDocument doc, String resource) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        try (InputStream in = InvoicePdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the class path (jasperreports-fonts)");
            }
            fonts.add(PDType0Font.load(doc, in, true));
        }
        for (Path extra : extraFonts) {
            if (Files.isReadable(extra)) {
                fonts.add(PDType0Font.load(doc, extra.toFile()));
            }
        }
        return new Fonts(fonts);
    }

    /** Text split into runs of one font each, the first font that has a character's glyph setting it. */
    private static final class Fonts {
        private final List<PDFont> fonts;
        private final Map<Integer, PDFont> byCodePoint = new HashMap<>();

        Fonts(List<PDFont> fonts) {
            this.fonts = fonts;
        }

        private PDFont fontFor(int codePoint) {
            return byCodePoint.computeIfAbsent(codePoint, cp -> {
                String c = new String(Character.toChars(cp));
                for (PDFont font : fonts) {
                    try {
                        font.encode(c);
                        return font;
                    } catch (IOException | IllegalArgumentException e) {
                        // this font lacks it: try the next
                    }
                }
                return null;
            });
        }

        record Run(PDFont font, String text) {
        }

        List<Run> runs(String text) {
            List<Run> runs = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            PDFont currentFont = null;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (Character.isISOControl(cp)) {
                    cp = ' ';
                }
                PDFont font = fontFor(cp);
                String c = new String(Character.toChars(cp));
                if (font == null) {
                    font = fonts.get(0);
                    c = "?";
                }
                if (font != currentFont && current.length() > 0) {
                    runs.add(new Run(currentFont, current.toString()));
                    current.setLength(0);
                }
                currentFont = font;
                current.append(c);
            }
            if (current.length() > 0) {
                runs.add(new Run(currentFont, current.toString()));
            }
            return runs;
        }

        float width(String text, float size) throws IOException {
            float width = 0;
            for (Run run : runs(text)) {
                width += run.font().getStringWidth(run.text()) / 1000 * size;
            }
            return width;
        }
    }

    /** Lays one invoice out page by page. */
    private static final class Writer {
        private final PDDocument doc;
        private final PrintableInvoice invoice;
        private final Fonts regular;
        private final Fonts bold;
        private final DecimalFormat money = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        private final DecimalFormat quantity = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        private final DecimalFormat price = new DecimalFormat("#,##0.00##", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        private final List<PDPage> pages = new ArrayList<>();
        private PDPageContentStream out;
        private float y;

        Writer(PDDocument doc, PrintableInvoice invoice, Fonts regular, Fonts bold) {
            this.doc = doc;
            this.invoice = invoice;
            this.regular = regular;
            this.bold = bold;
        }

        void write() throws IOException {
            newPage(true);
            for (PrintableInvoice.Line line : invoice.lines()) {
                List<String> description = wrap(join(line.description(), null), DESCRIPTION_WIDTH);
                float height = description.size() * LEADING;
                if (y - height < BOTTOM) {
                    newPage(false);
                }
                text(regular, SIZE, MARGIN, y, clip(line.item(), 70));
                for (int i = 0; i < description.size(); i++) {
                    text(regular, SIZE, DESCRIPTION_X, y - i * LEADING, description.get(i));
                }
                String unit = line.unit() == null || line.unit().isBlank() ? "" : " " + line.unit();
                right(regular, SIZE, QUANTITY_RIGHT, y, line.quantity() == null ? "" : quantity.format(line.quantity()) + unit);
                right(regular, SIZE, PRICE_RIGHT, y, line.unitPrice() == null ? "" : price.format(line.unitPrice()));
                right(regular, SIZE, RIGHT, y, money.format(line.amount()));
                y -= height;
            }
            totals();
            out.close();
            footers();
        }

        private void totals() throws IOException {
            float needed = (5 + invoice.taxes().size()) * (LEADING + 2) + (invoice.note() == null ? 0 : 3 * LEADING);
            if (y - needed < BOTTOM) {
                newPage(false);
            }
            y -= 6;
            out.moveTo(PRICE_RIGHT - 120, y + LEADING - 3);
            out.lineTo(RIGHT, y + LEADING - 3);
            out.stroke();
            amountRow(regular, "Total excl. tax", invoice.untaxed());
            for (PrintableInvoice.Tax tax : invoice.taxes()) {
                amountRow(regular, tax.name() + " of " + money.format(tax.base()), tax.amount());
            }
            amountRow(bold, "Total " + invoice.currency(), invoice.total());
            if (invoice.toPay() != null && invoice.toPay().compareTo(invoice.total()) != 0) {
                amountRow(regular, "Paid", invoice.total().subtract(invoice.toPay()));
                amountRow(bold, "To pay", invoice.toPay());
            }
            if (invoice.note() != null && !invoice.note().isBlank()) {
                y -= LEADING;
                for (String line : wrap(invoice.note(), RIGHT - MARGIN)) {
                    text(regular, SIZE, MARGIN, y, line);
                    y -= LEADING;
                }
            }
        }

        private void amountRow(Fonts fonts, String label, BigDecimal amount) throws IOException {
            right(fonts, SIZE, PRICE_RIGHT, y, label);
            right(fonts, SIZE, RIGHT, y, money.format(amount));
            y -= LEADING + 2;
        }

        private void newPage(boolean first) throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            pages.add(page);
            out = new PDPageContentStream(doc, page);
            out.setLineWidth(0.5f);
            y = TOP;
            if (first) {
                text(bold, 18, MARGIN, y, "Invoice " + invoice.number());
                y -= 28;
                float blockTop = y;
                party(invoice.issuer(), MARGIN, "From");
                float leftBottom = y;
                y = blockTop;
                party(invoice.customer(), 320, "To");
                y = Math.min(y, leftBottom) - 8;
                text(regular, SIZE, MARGIN, y, "Invoice date: " + invoice.invoiceDate()
                        + (invoice.dueDate() == null ? "" : "     Due date: " + invoice.dueDate()) + "     Currency: " + invoice.currency());
                y -= 2 * LEADING;
            } else {
                text(bold, 11, MARGIN, y, "Invoice " + invoice.number() + " (continued)");
                y -= 2 * LEADING;
            }
            text(bold, SIZE, MARGIN, y, "Item");
            text(bold, SIZE, DESCRIPTION_X, y, "Description");
            right(bold, SIZE, QUANTITY_RIGHT, y, "Quantity");
            right(bold, SIZE, PRICE_RIGHT, y, "Unit price");
            right(bold, SIZE, RIGHT, y, "Amount");
            out.moveTo(MARGIN, y - 4);
            out.lineTo(RIGHT, y - 4);
            out.stroke();
            y -= LEADING + 4;
        }

        private void party(PrintableInvoice.Party party, float x, String heading) throws IOException {
            if (party == null) {
                return;
            }
            text(regular, 8, x, y, heading);
            y -= LEADING;
            text(bold, 10, x, y, clip(party.name(), 240));
            y -= LEADING;
            List<String> lines = new ArrayList<>(party.address());
            if (party.number() != null) {
                lines.add("Customer no. " + party.number());
            }
            if (party.vatNumber() != null) {
                lines.add("VAT no. " + party.vatNumber());
            }
            for (String line : lines) {
                text(regular, SIZE, x, y, clip(line, 240));
                y -= LEADING;
            }
        }

        private void footers() throws IOException {
            for (int i = 0; i < pages.size(); i++) {
                try (PDPageContentStream footer = new PDPageContentStream(doc, pages.get(i), PDPageContentStream.AppendMode.APPEND, true)) {
                    out = footer;
                    text(regular, 8, MARGIN, 40, "Invoice " + invoice.number() + " · " + (invoice.issuer() == null ? ""
                            : invoice.issuer().name()));
                    right(regular, 8, RIGHT, 40, "Page " + (i + 1) + " of " + pages.size());
                }
            }
        }

        private static String join(String a, String b) {
            return b == null ? (a == null ? "" : a) : a + " " + b;
        }

        /** Words across lines no wider than the width; a word wider than a line is cut. */
        private List<String> wrap(String text, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String paragraph : text.split("\\R")) {
                StringBuilder line = new StringBuilder();
                for (String word : paragraph.split(" +")) {
                    String candidate = line.length() == 0 ? word : line + " " + word;
                    if (regular.width(candidate, SIZE) <= width) {
                        line.setLength(0);
                        line.append(candidate);
                        continue;
                    }
                    if (line.length() > 0) {
                        lines.add(line.toString());
                    }
                    line.setLength(0);
                    String rest = word;
                    while (regular.width(rest, SIZE) > width) {
                        int cut = rest.length() - 1;
                        while (cut > 1 && regular.width(rest.substring(0, cut), SIZE) > width) {
                            cut--;
                        }
                        lines.add(rest.substring(0, cut));
                        rest = rest.substring(cut);
                    }
                    line.append(rest);
                }
                lines.add(line.toString());
            }
            return lines.isEmpty() ? List.of("") : lines;
        }

        private String clip(String text, float width) throws IOException {
            if (text == null) {
                return "";
            }
            String clipped = text;
            while (clipped.length() > 1 && regular.width(clipped, SIZE) > width) {
                clipped = clipped.substring(0, clipped.length() - 1);
            }
            return clipped.equals(text) ? text : clipped.substring(0, Math.max(1, clipped.length() - 1)) + "…";
        }

        private void right(Fonts fonts, float size, float rightEdge, float atY, String text) throws IOException {
            text(fonts, size, rightEdge - fonts.width(text, size), atY, text);
        }

        private void text(Fonts fonts, float size, float x, float atY, String text) throws IOException {
            if (text == null || text.isEmpty()) {
                return;
            }
            out.beginText();
            out.newLineAtOffset(x, atY);
            for (Fonts.Run run : fonts.runs(text)) {
                out.setFont(run.font(), size);
                out.showText(run.text());
            }
            out.endText();
        }
    }
}
