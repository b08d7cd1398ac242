package org.erpinsight.sidecar.adapter.tryton;

import static org.erpinsight.sidecar.adapter.tryton.TrytonClient.date;
import static org.erpinsight.sidecar.adapter.tryton.TrytonClient.decimal;
import static org.erpinsight.sidecar.adapter.tryton.TrytonClient.list;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.erpinsight.sidecar.documents.InvoicePdf;
import org.erpinsight.sidecar.documents.OfficeConverter;
import org.erpinsight.sidecar.documents.PrintableInvoice;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The invoice a customer received, as Tryton prints it: Tryton's own invoice report (an
 * OpenDocument by default), turned into PDF by LibreOffice. Without LibreOffice, or when it
 * fails, the invoice is rendered from Tryton's data instead (every line, the taxes, the totals),
 * and the document says so.
 */
final class TrytonDocuments {
    private static final Logger LOG = Logger.getLogger(TrytonDocuments.class.getName());

    private final TrytonClient tryton;
    private final TrytonParties parties;
    private final Optional<OfficeConverter> office;
    private final InvoicePdf renderer;
    private final String report;

    TrytonDocuments(TrytonClient tryton, TrytonParties parties, Optional<OfficeConverter> office, InvoicePdf renderer, String report) {
        this.tryton = tryton;
        this.parties = parties;
        this.office = office;
        this.renderer = renderer;
        this.report = report;
    }

    Optional<byte[]> invoice(String number) {
        JsonNode found = tryton.model("account.invoice", "search", list(list("number", "=", number), list("type", "=", "out")),
                0, 1, null);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        int id = found.get(0).asInt();
        String why;
        if (office.isPresent()) {
            TrytonClient.Report document = tryton.report(report, "account.invoice", id);
            if (document.extension().equalsIgnoreCase("pdf")) {
                return Optional.of(document.content());
            }
            try {
                return Optional.of(office.get().toPdf(document.content(), document.extension().toLowerCase(java.util.Locale.ROOT)));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Tryton's invoice report for " + number + " could not be turned into PDF", e);
                why = "Tryton's own document could not be turned into PDF (see the sidecar's log).";
            }
        } else {
            why = "Tryton's own document needs LibreOffice on the sidecar's machine to become a PDF.";
        }
        return Optional.of(renderer.render(printable(id, "Rendered by ERP Insight from Tryton's invoice " + number + ". " + why)));
    }

    private PrintableInvoice printable(int id, String note) {
        JsonNode invoice = tryton.model("account.invoice", "read", list(id), list("number", "invoice_date", "party", "party.code",
                "currency.code", "untaxed_amount", "tax_amount", "total_amount", "amount_to_pay", "lines", "taxes",
                "lines_to_pay.maturity_date", "company.party.name", "company.party.addresses.street", "company.party.addresses.zip",
                "company.party.addresses.city", "company.party.identifiers.code")).get(0);
        List<PrintableInvoice.Line> lines = new ArrayList<>();
        for (JsonNode line : tryton.model("account.invoice.line", "read", invoice.get("lines"),
                list("type", "product.code", "product.name", "description", "quantity", "unit.symbol", "unit_price", "amount"))) {
            if (!"line".equals(line.path("type").asText("line"))) {
                continue;
            }
            String description = line.path("description").asText("");
            lines.add(new PrintableInvoice.Line(line.path("product.").path("code").asText(""),
                    description.isBlank() || "null".equals(description) ? line.path("product.").path("name").asText("") : description,
                    BigDecimal.valueOf(line.path("quantity").asDouble()).stripTrailingZeros(), line.path("unit.").path("symbol").asText(""),
                    TrytonSales.unitPrice(decimal(line.get("unit_price"))), TrytonLedgers.money(decimal(line.get("amount")))));
        }
        List<PrintableInvoice.Tax> taxes = new ArrayList<>();
        for (JsonNode tax : tryton.model("account.invoice.tax", "read", invoice.get("taxes"), list("description", "base", "amount"))) {
            taxes.add(new PrintableInvoice.Tax(tax.path("description").asText(), TrytonLedgers.money(decimal(tax.get("base"))),
                    TrytonLedgers.money(decimal(tax.get("amount")))));
        }
        JsonNode company = invoice.path("company.").path("party.");
        JsonNode companyAddress = company.path("addresses.").path(0);
        PrintableInvoice.Party issuer = new PrintableInvoice.Party(company.path("name").asText(), null,
                List.of(companyAddress.path("street").asText(""), (companyAddress.path("zip").asText("") + " "
                        + companyAddress.path("city").asText("")).replace("null", "").strip()),
                company.path("identifiers.").path(0).path("code").asText(null));
        String code = invoice.path("party.").path("code").asText();
        PrintableInvoice.Party customer = parties.findByCode(org.erpinsight.sidecar.core.PartyKind.CUSTOMER, code)
                .map(found -> new PrintableInvoice.Party(found.party().name(), code,
                        List.of(((found.party().postcode() == null ? "" : found.party().postcode()) + " "
                                + (found.party().city() == null ? "" : found.party().city())).strip()), found.party().vatNumber()))
                .orElse(new PrintableInvoice.Party(code, code, List.of(), null));
        java.time.LocalDate due = null;
        for (JsonNode line : invoice.path("lines_to_pay.")) {
            java.time.LocalDate maturity = date(line.get("maturity_date"));
            if (maturity != null && (due == null || maturity.isBefore(due))) {
                due = maturity;
            }
        }
        return new PrintableInvoice(issuer, customer, invoice.path("number").asText(), date(invoice.get("invoice_date")), due,
                invoice.path("currency.").path("code").asText(), lines, taxes, TrytonLedgers.money(decimal(invoice.get("untaxed_amount"))),
                TrytonLedgers.money(decimal(invoice.get("tax_amount"))), TrytonLedgers.money(decimal(invoice.get("total_amount"))),
                TrytonLedgers.money(decimal(invoice.get("amount_to_pay"))), note);
    }
}
