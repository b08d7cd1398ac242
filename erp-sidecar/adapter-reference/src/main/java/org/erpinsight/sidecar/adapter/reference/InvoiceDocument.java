package org.erpinsight.sidecar.adapter.reference;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.erpinsight.sidecar.core.Invoice;
import org.erpinsight.sidecar.core.InvoicePdf;

/** The reference ERP's invoice document: its invoice, customer and lines, rendered by {@link InvoicePdf}. */
final class InvoiceDocument {
    private final Database db;
    private final Clock clock;

    InvoiceDocument(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Optional<byte[]> pdf(String invoiceNumber) {
        return db.read(c -> {
            Integer id = Database.query(c, "SELECT id FROM invoice WHERE number = ?", rs -> rs.getInt(1), invoiceNumber);
            if (id == null) {
                return Optional.empty();
            }
            Invoice invoice = Database.query(c, "SELECT number, customer_number, invoice_date, due_date, currency, amount,"
                    + " paid_amount, paid_date FROM invoice WHERE id = ?", rs -> Ledgers.invoice(rs, LocalDate.now(clock)), id);
            InvoicePdf.Customer customer = Database.query(c, "SELECT number, name, city, postcode, vat_number FROM customer WHERE number = ?",
                    rs -> new InvoicePdf.Customer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                    invoice.customerNumber());
            List<InvoicePdf.Line> lines = Database.list(c, "SELECT l.item_number, i.name, l.quantity, l.unit_price, l.amount"
                    + " FROM invoice_line l JOIN item i ON i.number = l.item_number WHERE l.invoice_id = ? ORDER BY l.line_no",
                    rs -> new InvoicePdf.Line(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)),
                    id);
            return Optional.of(InvoicePdf.render("Reference ERP (ERP Insight demo)", invoice, customer, lines));
        });
    }

}
