package org.erpinsight.sidecar.core;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An invoice as a one-page PDF, written directly (text in the standard Helvetica font, so no
 * font files and no PDF library are needed). Adapters whose ERP has no PDF of its own render
 * their invoices with it.
 */
public final class InvoicePdf {
    private static final int MAX_LINES_ON_PAGE = 40;

    private InvoicePdf() {
    }

    /** Who the invoice is to. */
    public record Customer(String number, String name, String city, String postcode, String vat) {
    }

    /** One invoice line as printed. */
    public record Line(String item, String name, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
    }

    /** The PDF of an invoice; {@code issuer} is printed under the title. */
    public static byte[] render(String issuer, Invoice invoice, Customer customer, List<Line> lines) {
        DecimalFormat money = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        StringBuilder page = new StringBuilder();
        text(page, "F2", 20, 50, 790, "Invoice " + invoice.number());
        text(page, "F1", 10, 50, 770, issuer);
        int y = 735;
        text(page, "F2", 11, 50, y, customer.name());
        text(page, "F1", 10, 50, y - 14, "Customer " + customer.number() + (customer.vat() == null ? "" : "  VAT " + customer.vat()));
        text(page, "F1", 10, 50, y - 28, (customer.postcode() == null ? "" : customer.postcode() + " ")
                + (customer.city() == null ? "" : customer.city()));
        text(page, "F1", 10, 380, y, "Invoice date  " + invoice.invoiceDate());
        text(page, "F1", 10, 380, y - 14, "Due date      " + invoice.dueDate());
        text(page, "F1", 10, 380, y - 28, "Currency      " + invoice.currency());
        y = 660;
        text(page, "F2", 10, 50, y, "Item");
        text(page, "F2", 10, 120, y, "Description");
        text(page, "F2", 10, 330, y, "Quantity");
        text(page, "F2", 10, 400, y, "Unit price");
        text(page, "F2", 10, 490, y, "Amount");
        List<Line> shown = new ArrayList<>(lines.subList(0, Math.min(lines.size(), MAX_LINES_ON_PAGE)));
        for (Line line : shown) {
            y -= 14;
            text(page, "F1", 10, 50, y, line.item());
            text(page, "F1", 10, 120, y, line.name());
            text(page, "F1", 10, 330, y, line.quantity().stripTrailingZeros().toPlainString());
            text(page, "F1", 10, 400, y, money.format(line.unitPrice()));
            text(page, "F1", 10, 490, y, money.format(line.amount()));
        }
        if (lines.size() > shown.size()) {
            y -= 14;
            text(page, "F1", 10, 120, y, "... and " + (lines.size() - shown.size()) + " more lines");
        }
        y -= 30;
        text(page, "F2", 11, 330, y, "Total");
        text(page, "F2", 11, 490, y, money.format(invoice.amount()));
        text(page, "F1", 10, 330, y - 16, "Paid");
        text(page, "F1", 10, 490, y - 16, money.format(invoice.paidAmount()));
        text(page, "F2", 10, 330, y - 32, "To pay");
        text(page, "F2", 10, 490, y - 32, money.format(invoice.openAmount()));
        text(page, "F1", 10, 50, y - 32, "Status: " + invoice.status());
        return pdf(page.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void text(StringBuilder page, String font, int size, int x, int y, String text) {
        page.append("BT /").append(font).append(' ').append(size).append(" Tf ").append(x).append(' ').append(y)
                .append(" Td (").append(escape(text)).append(") Tj ET\n");
    }

    /** PDF string escaping; characters outside Latin-1 (which WinAnsi covers) become '?'. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if (ch == '(' || ch == ')' || ch == '\\') {
                out.append('\\').append(ch);
            } else if (ch < 32 || ch > 255) {
                out.append('?');
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** Wraps one content stream in the five objects of a one-page PDF, with its cross-reference table. */
    private static byte[] pdf(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                + " /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
            null,
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        };
        for (int i = 0; i < objects.length; i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n");
            if (objects[i] == null) {
                write(out, "<< /Length " + content.length + " >>\nstream\n");
                out.writeBytes(content);
                write(out, "endstream");
            } else {
                write(out, objects[i]);
            }
            write(out, "\nendobj\n");
        }
        int xref = out.size();
        write(out, "xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            write(out, String.format("%010d 00000 n \n", offset));
        }
        write(out, "trailer\n<< /Size " + (objects.length + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
