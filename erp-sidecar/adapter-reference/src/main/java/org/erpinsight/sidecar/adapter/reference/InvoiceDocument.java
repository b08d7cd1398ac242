package org.erpinsight.sidecar.adapter.reference;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.erpinsight.sidecar.documents.InvoicePdf;
import org.erpinsight.sidecar.documents.PrintableInvoice;

/**
 * The reference ERP keeps no printed invoices, so its document is rendered from what it holds:
 * the company, the customer, every line, the VAT and what is still to pay.
 */
final class InvoiceDocument {
    /** The company whose ERP this is, as its invoices name it. */
    static final PrintableInvoice.Party COMPANY = new PrintableInvoice.Party("ERP Insight Demo A/S", null,
            List.of("Demovej 1", "2100 København Ø", "Danmark"), "DK10000001");

    private final Database db;
    private final InvoicePdf renderer;

    InvoiceDocument(Database db, InvoicePdf renderer) {
        this.db = db;
        this.renderer = renderer;
    }

    Optional<byte[]> pdf(String invoiceNumber) {
        Optional<PrintableInvoice> invoice = db.read(c -> {
            record Head(int id, String customer, java.sql.Date date, java.sql.Date due, String currency, BigDecimal amount,
                        BigDecimal paid, String taxName, BigDecimal tax) {
            }
            Head head = Database.query(c, "SELECT id, customer_number, invoice_date, due_date, currency, amount, paid_amount,"
                    + " tax_name, tax_amount FROM invoice WHERE number = ?", rs -> new Head(rs.getInt(1), rs.getString(2), rs.getDate(3),
                    rs.getDate(4), rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8), rs.getBigDecimal(9)),
                    invoiceNumber);
            if (head == null) {
                return Optional.empty();
            }
            PrintableInvoice.Party customer = Database.query(c, "SELECT number, name, postcode, city, country_code, vat_number"
                    + " FROM customer WHERE number = ?", rs -> new PrintableInvoice.Party(rs.getString(2), rs.getString(1),
                    List.of(join(rs.getString(3), rs.getString(4)), rs.getString(5) == null ? "" : rs.getString(5)), rs.getString(6)),
                    head.customer());
            List<PrintableInvoice.Line> lines = Database.list(c, "SELECT l.item_number, i.name, l.quantity, i.unit, l.unit_price, l.amount"
                    + " FROM invoice_line l JOIN item i ON i.number = l.item_number WHERE l.invoice_id = ? ORDER BY l.line_no",
                    rs -> new PrintableInvoice.Line(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
                            rs.getBigDecimal(5), rs.getBigDecimal(6)), head.id());
            BigDecimal untaxed = head.amount().subtract(head.tax());
            return Optional.of(new PrintableInvoice(COMPANY, customer, invoiceNumber, head.date().toLocalDate(), head.due().toLocalDate(),
                    head.currency(), lines, List.of(new PrintableInvoice.Tax(head.taxName(), untaxed, head.tax())), untaxed, head.tax(),
                    head.amount(), head.amount().subtract(head.paid()), "Payment: 30 days net."));
        });
        return invoice.map(renderer::render);
    }

    private static String join(String postcode, String city) {
        return ((postcode == null ? "" : postcode) + " " + (city == null ? "" : city)).strip();
    }
}
