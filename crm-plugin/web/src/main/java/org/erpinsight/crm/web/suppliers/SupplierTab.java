package org.erpinsight.crm.web.suppliers;

import java.util.List;
import java.util.Optional;

import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.ErpReading;
import org.erpinsight.crm.api.Party;
import org.erpinsight.crm.api.PartyQuery;
import org.erpinsight.crm.api.SupplierOverview;
import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.api.host.RecordTab;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.web.CsrfTokens;
import org.erpinsight.crm.web.InsightConfiguration;
import org.erpinsight.crm.web.view.Blocks;
import org.erpinsight.crm.web.view.Html;
import org.erpinsight.crm.web.view.LinkForms;
import org.erpinsight.crm.web.view.TabStart;
import org.erpinsight.crm.web.view.Texts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The "Supplier" tab of a company or contact linked to an ERP supplier: what the company owes
 * it, what it invoiced this year and last, and the purchase orders still open, read live (the
 * last known figures, with their age, when the ERP is down).
 */
@Component(configurationPid = InsightConfiguration.PID, property = {
    RecordTab.ID + "=supplier",
    RecordTab.TITLE + "=Supplier",
    RecordTab.TITLE + ".da=Leverandør",
    RecordTab.RECORD_TYPES + "=company",
    RecordTab.RECORD_TYPES + "=contact",
    RecordTab.ORDER + ":Integer=400"})
public class SupplierTab implements RecordTab {
    private final ErpGateway gateway;
    private final LinkService links;
    private final CsrfTokens csrf;
    private final String source;

    @Activate
    public SupplierTab(@Reference ErpGateway gateway, @Reference LinkService links, @Reference CsrfTokens csrf,
            InsightConfiguration config) {
        this.gateway = gateway;
        this.links = links;
        this.csrf = csrf;
        this.source = config.source();
    }

    /** Likely ERP suppliers for this record, by VAT number, email domain and name; one click links one. */
    private String suggestions(CrmRecord record, CrmUser user, String returnTo) {
        String domain = record.email() == null || !record.email().contains("@") ? null
                : record.email().substring(record.email().indexOf('@') + 1);
        List<Party> found;
        try {
            found = gateway.searchSuppliers(source, new PartyQuery(record.name(), record.vatNumber(), domain, null, 5));
        } catch (ErpGatewayException e) {
            return Blocks.note("No suggestions: " + e.getMessage());
        }
        if (found.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<p>Suggested ERP suppliers:</p><ul class=\"erp-suggestions\" data-kind=\"SUPPLIER\">");
        for (Party p : found) {
            html.append("<li>").append(LinkForms.suggestion(Texts.of(user.locale()), record.ref(), source, LinkKind.SUPPLIER, returnTo, csrf.tokenFor(user.id()),
                    p.number(), p.name() + " (" + p.number() + (p.vatNumber() == null ? "" : ", " + p.vatNumber()) + ")")).append("</li>");
        }
        return html.append("</ul>").toString();
    }

    @Override
    public String render(CrmRecord record, CrmUser user, String returnTo) {
        Texts texts = Texts.of(user.locale());
        StringBuilder html = new StringBuilder("<section class=\"erp-insight erp-supplier\">").append(Blocks.STYLE);
        java.util.function.Supplier<String> unlinked = () -> user.may(Permission.MANAGE_LINKS)
                ? LinkForms.link(Texts.of(user.locale()), record.ref(), source, LinkKind.SUPPLIER, returnTo, csrf.tokenFor(user.id()))
                    + LinkForms.create(Texts.of(user.locale()), record.ref(), source, LinkKind.SUPPLIER, returnTo, csrf.tokenFor(user.id()), record.name(),
                            record.vatNumber()) + suggestions(record, user, returnTo)
                : null;
        Optional<Link> link = TabStart.linked(html, record, user, links, source, LinkKind.SUPPLIER, texts.get("supplier.notLinked"), unlinked);
        if (link.isEmpty()) {
            return html.append("</section>").toString();
        }
        try {
            ErpReading<SupplierOverview> reading = gateway.readSupplierOverview(source, link.get().erpNumber());
            SupplierOverview o = reading.value();
            html.append(Blocks.staleStart(texts, reading));
            html.append("<dl class=\"erp-figures\">");
            Blocks.figure(html, texts, "payableBalance", texts.get("supplier.payableBalance"), o.payableBalance(), o.currency(), null);
            Blocks.figure(html, texts, "purchasesThisYear", texts.get("supplier.purchasesThisYear"), o.purchasesThisYear(), o.currency(), null);
            Blocks.figure(html, texts, "purchasesLastYear", texts.get("supplier.purchasesLastYear"), o.purchasesLastYear(), o.currency(), null);
            Blocks.figure(html, texts, "openPurchaseOrderAmount", texts.get("supplier.openPurchaseOrderAmount"), o.openPurchaseOrderAmount(),
                    o.currency(), texts.get("supplier.openPurchaseOrders", o.openPurchaseOrderCount()));
            Blocks.count(html, "openPurchaseOrderCount", texts.get("supplier.openPurchaseOrderCount"), o.openPurchaseOrderCount());
            html.append("</dl><p class=\"erp-asof\">").append(Html.escape(texts.get("supplier.erpSupplier")))
                    .append(" <b data-figure=\"supplierNumber\">").append(Html.escape(o.supplierNumber()))
                    .append("</b> ").append(Html.escape(o.name())).append(" · ").append(Blocks.asOf(texts, o.asOf())).append("</p>");
            html.append(Blocks.staleEnd(reading));
        } catch (ErpGatewayException e) {
            html.append(e.code() == ErpErrorCode.NOT_FOUND
                    ? Blocks.banner("warning", texts.get("supplier.gone", link.get().erpNumber()))
                    : Blocks.banner("error", texts.get("erp.unreachable", e.getMessage())));
        }
        if (user.may(Permission.MANAGE_LINKS)) {
            html.append(LinkForms.unlink(Texts.of(user.locale()), record.ref(), source, LinkKind.SUPPLIER, returnTo, csrf.tokenFor(user.id()), link.get().erpNumber()));
        }
        return html.append("</section>").toString();
    }
}
