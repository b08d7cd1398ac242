package org.erpinsight.crm.web.overview;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.erpinsight.crm.api.CustomerOverview;
import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.ErpReading;
import org.erpinsight.crm.api.MonthlyRevenue;
import org.erpinsight.crm.api.Party;
import org.erpinsight.crm.api.PartyQuery;
import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.api.host.RecordTab;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.web.CsrfTokens;
import org.erpinsight.crm.web.InsightConfiguration;
import org.erpinsight.crm.web.view.Amounts;
import org.erpinsight.crm.web.view.Blocks;
import org.erpinsight.crm.web.view.Html;
import org.erpinsight.crm.web.view.Texts;
import org.erpinsight.crm.web.view.LinkForms;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The "Financial overview" tab of a company or contact linked to an ERP customer: balance,
 * overdue, credit, revenue this year and last, and revenue per month as a chart, read live.
 * An unlinked record gets the means to link it.
 */
@Component(configurationPid = InsightConfiguration.PID, property = {
    RecordTab.ID + "=financial-overview",
    RecordTab.TITLE + "=Financial overview",
    RecordTab.TITLE + ".da=Økonomisk overblik",
    RecordTab.RECORD_TYPES + "=company",
    RecordTab.RECORD_TYPES + "=contact",
    RecordTab.ORDER + ":Integer=100"})
@Designate(ocd = InsightConfiguration.class)
public class FinancialOverviewTab implements RecordTab {

    private final ErpGateway gateway;
    private final LinkService links;
    private final CsrfTokens csrf;
    private final String source;

    @Activate
    public FinancialOverviewTab(@Reference ErpGateway gateway, @Reference LinkService links,
                                @Reference CsrfTokens csrf, InsightConfiguration config) {
        this.gateway = gateway;
        this.links = links;
        this.csrf = csrf;
        this.source = config.source();
    }

    @Override
    public String render(CrmRecord record, CrmUser user, String returnTo) {
        Texts texts = Texts.of(user.locale());
        StringBuilder html = new StringBuilder("<section class=\"erp-insight erp-financial-overview\">");
        if (!user.may(Permission.VIEW_FINANCIALS)) {
            return html.append("<p class=\"erp-note\">").append(Html.escape(texts.get("tab.noPermission"))).append("</p></section>")
                    .toString();
        }
        Optional<Link> link;
        try {
            link = links.linkOf(record.ref(), source, LinkKind.CUSTOMER);
        } catch (RuntimeException e) {
            return html.append(Blocks.banner("error", texts.get("customer.linkStoreDown", e.getMessage()))).append("</section>")
                    .toString();
        }
        if (link.isEmpty()) {
            renderUnlinked(html, texts, record, user, returnTo);
        } else {
            renderLinked(html, texts, record, user, returnTo, link.get());
        }
        return html.append("</section>").toString();
    }

    private void renderLinked(StringBuilder html, Texts texts, CrmRecord record, CrmUser user, String returnTo, Link link) {
        try {
            ErpReading<CustomerOverview> reading = gateway.readCustomerOverview(source, link.erpNumber());
            CustomerOverview o = reading.value();
            html.append(Blocks.staleStart(texts, reading));
            figures(html, texts, o);
            chart(html, texts, o);
            html.append("<p class=\"erp-asof\">").append(Html.escape(texts.get("customer.erpCustomer"))).append(" <b data-figure=\"customerNumber\">")
                    .append(Html.escape(o.customerNumber())).append("</b> ").append(Html.escape(o.name()))
                    .append(" · ").append(Blocks.asOf(texts, o.asOf())).append("</p>");
            html.append(Blocks.staleEnd(reading));
        } catch (ErpGatewayException e) {
            if (e.code() == ErpErrorCode.NOT_FOUND) {
                html.append(Blocks.banner("warning", texts.get("customer.gone", link.erpNumber())));
            } else {
                html.append(Blocks.banner("error", texts.get("erp.unreachable", e.getMessage())));
            }
        }
        if (user.may(Permission.MANAGE_LINKS)) {
            html.append(LinkForms.unlink(Texts.of(user.locale()), record.ref(), source, LinkKind.CUSTOMER, returnTo, csrf.tokenFor(user.id()), link.erpNumber()));
        }
    }

    private static void figures(StringBuilder html, Texts texts, CustomerOverview o) {
        if (o.blocked()) {
            html.append(Blocks.banner("warning", texts.get("customer.blocked")));
        }
        if (o.creditLimit() != null && o.creditLimit().signum() > 0 && o.creditUsed().compareTo(o.creditLimit()) > 0) {
            html.append(Blocks.banner("warning", texts.get("customer.overLimit", texts.amount(o.creditUsed(), o.currency()),
                    texts.amount(o.creditLimit(), o.currency()))));
        }
        if (o.overdueAmount().signum() > 0) {
            html.append(Blocks.banner("warning", texts.get("customer.overdueWarning", o.overdueInvoiceCount(),
                    texts.amount(o.overdueAmount(), o.currency()))));
        }
        html.append("<dl class=\"erp-figures\">");
        Blocks.figure(html, texts, "balance", texts.get("customer.balance"), o.balance(), o.currency(),
                texts.get("customer.openInvoices", o.openInvoiceCount()));
        Blocks.figure(html, texts, "overdueAmount", texts.get("customer.overdue"), o.overdueAmount(), o.currency(),
                texts.get("customer.invoices", o.overdueInvoiceCount()));
        if (o.creditLimit() == null) {
            // the ERP sets no limit: say so, as 0.00 would read as "over the limit"
            html.append("<div><dt>").append(Html.escape(texts.get("customer.creditLimit")))
                    .append("</dt><dd data-figure=\"creditLimit\" data-amount=\"\" data-no-limit=\"true\">")
                    .append(Html.escape(texts.get("customer.noLimit"))).append("</dd></div>");
        } else {
            Blocks.figure(html, texts, "creditLimit", texts.get("customer.creditLimit"), o.creditLimit(), o.currency(), null);
        }
        Blocks.figure(html, texts, "creditUsed", texts.get("customer.creditUsed"), o.creditUsed(), o.currency(), creditShare(texts, o));
        Blocks.figure(html, texts, "revenueThisYear", texts.get("customer.revenueThisYear"), o.revenueThisYear(), o.currency(), null);
        Blocks.figure(html, texts, "revenueLastYear", texts.get("customer.revenueLastYear"), o.revenueLastYear(), o.currency(), null);
        html.append("<div><dt>").append(Html.escape(texts.get("customer.averageDaysToPay"))).append("</dt><dd data-figure=\"averageDaysToPay\">")
                .append(o.averageDaysToPay() == null ? "–" : Html.escape(o.averageDaysToPay().toPlainString()))
                .append("</dd></div>");
        html.append("<div><dt>").append(Html.escape(texts.get("customer.lastInvoicePayment"))).append("</dt><dd>").append(Html.escape(o.lastInvoiceDate() == null ? "–" : o.lastInvoiceDate()))
                .append(" / ").append(Html.escape(o.lastPaymentDate() == null ? "–" : o.lastPaymentDate())).append("</dd></div>");
        html.append("</dl>");
    }

    private static String creditShare(Texts texts, CustomerOverview o) {
        if (o.creditLimit() == null || o.creditLimit().signum() <= 0) {
            return null;
        }
        BigDecimal percent = o.creditUsed().multiply(BigDecimal.valueOf(100)).divide(o.creditLimit(), 0, java.math.RoundingMode.HALF_UP);
        return texts.get("customer.creditShare", percent.toPlainString());
    }

    /**
     * Revenue per month as an inline SVG bar chart: no script, no external library. The axis shows
     * zero, half and the highest month; each bar's exact figure is its tooltip (hover or long press).
     */
    private static void chart(StringBuilder html, Texts texts, CustomerOverview o) {
        List<MonthlyRevenue> months = o.revenueByMonth();
        if (months.isEmpty()) {
            return;
        }
        BigDecimal max = months.stream().map(MonthlyRevenue::amount).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        if (max.signum() <= 0) {
            max = BigDecimal.ONE;
        }
        int barWidth = 18;
        int height = 120;
        int axis = 70;
        int top = 8;
        int width = axis + months.size() * (barWidth + 4);
        html.append("<figure class=\"erp-chart\"><figcaption>").append(Html.escape(texts.get("customer.chart", months.size(), o.currency())))
                .append("</figcaption><svg role=\"img\" aria-label=\"").append(Html.escape(texts.get("customer.chartLabel"))).append("\" width=\"").append(width).append("\" height=\"")
                .append(height + top + 16).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height + top + 16).append("\">");
        for (int step = 0; step <= 2; step++) {
            BigDecimal value = max.multiply(BigDecimal.valueOf(step)).divide(BigDecimal.valueOf(2), 0, java.math.RoundingMode.HALF_UP);
            int y = top + height - height * step / 2;
            html.append("<line x1=\"").append(axis - 4).append("\" x2=\"").append(width).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y).append("\" stroke=\"#ddd\"/>")
                    .append("<text class=\"erp-axis\" x=\"").append(axis - 8).append("\" y=\"").append(y + 4)
                    .append("\" font-size=\"10\" text-anchor=\"end\" data-axis-value=\"").append(value.toPlainString()).append("\">")
                    .append(Html.escape(texts.amount(value, "").replaceAll("[.,]00 $", ""))).append("</text>");
        }
        for (int i = 0; i < months.size(); i++) {
            MonthlyRevenue m = months.get(i);
            int h = m.amount().multiply(BigDecimal.valueOf(height)).divide(max, 0, java.math.RoundingMode.HALF_UP).intValue();
            int x = axis + i * (barWidth + 4);
            html.append("<rect x=\"").append(x).append("\" y=\"").append(top + height - h).append("\" width=\"").append(barWidth)
                    .append("\" height=\"").append(Math.max(h, 1)).append("\" fill=\"#3b6ea5\" data-month=\"")
                    .append(Html.escape(m.month().toString())).append("\" data-amount=\"").append(Html.escape(m.amount().toPlainString()))
                    .append("\"><title>").append(Html.escape(m.month())).append(": ").append(Html.escape(texts.amount(m.amount(), o.currency())))
                    .append("</title></rect>");
            // a year label at each January, and at the first bar unless a January label follows too closely
            if (m.month().getMonthValue() == 1 || (i == 0 && m.month().getMonthValue() < 11)) {
                html.append("<text x=\"").append(x).append("\" y=\"").append(top + height + 12).append("\" font-size=\"10\">")
                        .append(m.month().getYear()).append("</text>");
            }
        }
        html.append("</svg></figure>");
    }

    private void renderUnlinked(StringBuilder html, Texts texts, CrmRecord record, CrmUser user, String returnTo) {
        html.append("<p class=\"erp-note\">").append(Html.escape(texts.get("customer.notLinked"))).append("</p>");
        if (!user.may(Permission.MANAGE_LINKS)) {
            return;
        }
        html.append(LinkForms.link(Texts.of(user.locale()), record.ref(), source, LinkKind.CUSTOMER, returnTo, csrf.tokenFor(user.id())));
        html.append(LinkForms.create(Texts.of(user.locale()), record.ref(), source, LinkKind.CUSTOMER, returnTo, csrf.tokenFor(user.id()), record.name(),
                record.vatNumber()));
        suggestions(html, texts, record, user, returnTo);
    }

    /** Likely ERP customers for this record, by VAT number, email domain and name; one click links one. */
    private void suggestions(StringBuilder html, Texts texts, CrmRecord record, CrmUser user, String returnTo) {
        String domain = record.email() == null || !record.email().contains("@") ? null
                : record.email().substring(record.email().indexOf('@') + 1);
        List<Party> found;
        try {
            found = gateway.searchCustomers(source, new PartyQuery(record.name(), record.vatNumber(), domain, null, 5));
        } catch (ErpGatewayException e) {
            html.append("<p class=\"erp-note\">").append(Html.escape(texts.get("customer.noSuggestions", e.getMessage()))).append("</p>");
            return;
        }
        if (found.isEmpty()) {
            return;
        }
        html.append("<p>").append(Html.escape(texts.get("customer.suggested"))).append("</p><ul class=\"erp-suggestions\">");
        for (Party p : found) {
            html.append("<li>").append(LinkForms.suggestion(Texts.of(user.locale()), record.ref(), source, LinkKind.CUSTOMER, returnTo, csrf.tokenFor(user.id()),
                    p.number(), p.name() + " (" + p.number() + (p.vatNumber() == null ? "" : ", " + p.vatNumber()) + ")")).append("</li>");
        }
        html.append("</ul>");
    }


}
