package org.erpinsight.crm.web.projects;

import java.util.List;
import java.util.Optional;

import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.ProjectOverview;
import org.erpinsight.crm.api.ProjectSummary;
import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.RecordTab;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.web.InsightConfiguration;
import org.erpinsight.crm.web.view.Amounts;
import org.erpinsight.crm.web.view.Blocks;
import org.erpinsight.crm.web.view.Html;
import org.erpinsight.crm.web.view.Texts;
import org.erpinsight.crm.web.view.TabStart;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The "Projects" tab of a company linked to an ERP customer: each of the customer's projects
 * with its budget, hours and their cost, travel and other expenses, invoiced and not yet
 * invoiced, margin, and a bar for how much of the budget the cost has used. Hours and expenses
 * are registered in their own systems; the CRM sees them through the ERP's project figures.
 */
@Component(configurationPid = InsightConfiguration.PID, property = {
    RecordTab.ID + "=projects",
    RecordTab.TITLE + "=Projects",
    RecordTab.TITLE + ".da=Projekter",
    RecordTab.RECORD_TYPES + "=company",
    RecordTab.ORDER + ":Integer=350"})
public class ProjectsTab implements RecordTab {
    /** A customer with more projects shows the first ones and says how many there are. */
    static final int SHOWN = 20;

    private final ErpGateway gateway;
    private final LinkService links;
    private final String source;

    @Activate
    public ProjectsTab(@Reference ErpGateway gateway, @Reference LinkService links, InsightConfiguration config) {
        this.gateway = gateway;
        this.links = links;
        this.source = config.source();
    }

    @Override
    public String render(CrmRecord record, CrmUser user, String returnTo) {
        Texts texts = Texts.of(user.locale());
        StringBuilder html = new StringBuilder("<section class=\"erp-insight erp-projects\">").append(Blocks.STYLE);
        Optional<Link> link = TabStart.linked(html, record, user, links, source, LinkKind.CUSTOMER,
                texts.get("projects.notLinked"), null);
        if (link.isEmpty()) {
            return html.append("</section>").toString();
        }
        List<ProjectSummary> projects;
        try {
            projects = gateway.projects(source, link.get().erpNumber());
        } catch (ErpGatewayException e) {
            return html.append(e.code() == ErpErrorCode.NOT_FOUND ? Blocks.banner("warning", texts.get("invoices.customerGone"))
                    : Blocks.banner("error", texts.get("erp.unreachable", e.getMessage()))).append("</section>").toString();
        }
        if (projects.isEmpty()) {
            return html.append(Blocks.note(texts.get("projects.none"))).append("</section>").toString();
        }
        html.append("<table class=\"erp-table\"><thead><tr><th>").append(Html.escape(texts.get("projects.project"))).append("</th><th>")
                .append(Html.escape(texts.get("projects.status"))).append("</th>");
        for (String column : new String[] {"projects.budget", "projects.hours", "projects.hoursCost", "projects.travel",
                "projects.otherExpenses", "projects.invoiced", "projects.notInvoiced", "projects.margin"}) {
            html.append("<th class=\"erp-amount\">").append(Html.escape(texts.get(column))).append("</th>");
        }
        html.append("<th>").append(Html.escape(texts.get("projects.budgetUsed"))).append("</th></tr></thead><tbody>");
        for (ProjectSummary summary : projects.subList(0, Math.min(SHOWN, projects.size()))) {
            html.append("<tr data-project=\"").append(Html.escape(summary.number())).append("\"><td><b>")
                    .append(Html.escape(summary.number())).append("</b> ").append(Html.escape(summary.name())).append("</td><td>")
                    .append(Html.escape(summary.status())).append("</td>");
            try {
                // reused while fresh like every other figure; the last known when the ERP is down, said so in the row
                org.erpinsight.crm.api.ErpReading<ProjectOverview> reading = gateway.readProjectOverview(source, summary.number());
                ProjectOverview p = reading.value();
                cell(html, texts, "budget", p.budget(), p.currency());
                html.append("<td class=\"erp-amount\" data-figure=\"hours\" data-amount=\"").append(Html.escape(p.hours().toPlainString()))
                        .append("\">").append(Html.escape(p.hours().toPlainString())).append(" h</td>");
                cell(html, texts, "hoursCost", p.hoursCost(), p.currency());
                cell(html, texts, "travelExpenses", p.travelExpenses(), p.currency());
                cell(html, texts, "otherExpenses", p.otherExpenses(), p.currency());
                cell(html, texts, "invoiced", p.invoiced(), p.currency());
                cell(html, texts, "notInvoiced", p.notInvoiced(), p.currency());
                cell(html, texts, "margin", p.margin(), p.currency());
                html.append("<td>").append(Blocks.bar("budgetUsed", p.budgetUsedPercent(), texts.get("projects.budgetUsed")));
                if (reading.stale()) {
                    html.append(" <small data-stale=\"true\">").append(Html.escape(texts.get("projects.lastKnown", Blocks.age(reading.readAt()))))
                            .append("</small>");
                }
                html.append("</td>");
            } catch (ErpGatewayException e) {
                html.append("<td colspan=\"9\">").append(Html.escape(texts.get("projects.unavailable", e.getMessage()))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (projects.size() > SHOWN) {
            html.append(Blocks.note(texts.get("projects.first", SHOWN, projects.size())));
        }
        return html.append("</section>").toString();
    }

    private static void cell(StringBuilder html, Texts texts, String id, java.math.BigDecimal amount, String currency) {
        html.append("<td class=\"erp-amount\" data-figure=\"").append(id).append("\" data-amount=\"")
                .append(amount == null ? "" : Html.escape(amount.toPlainString())).append("\">")
                .append(Html.escape(texts.amount(amount, currency))).append("</td>");
    }
}
