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
        StringBuilder html = new StringBuilder("<section class=\"erp-insight erp-projects\">").append(Blocks.STYLE);
        Optional<Link> link = TabStart.linked(html, record, user, links, source, LinkKind.CUSTOMER,
                "Link the record to an ERP customer to see its projects.", null);
        if (link.isEmpty()) {
            return html.append("</section>").toString();
        }
        List<ProjectSummary> projects;
        try {
            projects = gateway.projects(source, link.get().erpNumber());
        } catch (ErpGatewayException e) {
            return html.append(e.code() == ErpErrorCode.NOT_FOUND ? Blocks.banner("warning", "The linked ERP customer no longer exists.")
                    : Blocks.banner("error", "ERP unreachable: " + e.getMessage())).append("</section>").toString();
        }
        if (projects.isEmpty()) {
            return html.append(Blocks.note("The ERP has no projects for this customer.")).append("</section>").toString();
        }
        html.append("<table class=\"erp-table\"><thead><tr><th>Project</th><th>Status</th><th class=\"erp-amount\">Budget</th>")
                .append("<th class=\"erp-amount\">Hours</th><th class=\"erp-amount\">Hours cost</th><th class=\"erp-amount\">Travel</th>")
                .append("<th class=\"erp-amount\">Other expenses</th><th class=\"erp-amount\">Invoiced</th>")
                .append("<th class=\"erp-amount\">Not invoiced</th><th class=\"erp-amount\">Margin</th><th>Budget used</th></tr></thead><tbody>");
        for (ProjectSummary summary : projects.subList(0, Math.min(SHOWN, projects.size()))) {
            html.append("<tr data-project=\"").append(Html.escape(summary.number())).append("\"><td><b>")
                    .append(Html.escape(summary.number())).append("</b> ").append(Html.escape(summary.name())).append("</td><td>")
                    .append(Html.escape(summary.status())).append("</td>");
            try {
                // reused while fresh like every other figure; the last known when the ERP is down, said so in the row
                org.erpinsight.crm.api.ErpReading<ProjectOverview> reading = gateway.readProjectOverview(source, summary.number());
                ProjectOverview p = reading.value();
                cell(html, "budget", p.budget(), p.currency());
                html.append("<td class=\"erp-amount\" data-figure=\"hours\" data-amount=\"").append(Html.escape(p.hours().toPlainString()))
                        .append("\">").append(Html.escape(p.hours().toPlainString())).append(" h</td>");
                cell(html, "hoursCost", p.hoursCost(), p.currency());
                cell(html, "travelExpenses", p.travelExpenses(), p.currency());
                cell(html, "otherExpenses", p.otherExpenses(), p.currency());
                cell(html, "invoiced", p.invoiced(), p.currency());
                cell(html, "notInvoiced", p.notInvoiced(), p.currency());
                cell(html, "margin", p.margin(), p.currency());
                html.append("<td>").append(Blocks.bar("budgetUsed", p.budgetUsedPercent(), "Budget used"));
                if (reading.stale()) {
                    html.append(" <small data-stale=\"true\">last known, read ").append(Blocks.age(reading.readAt())).append(" ago</small>");
                }
                html.append("</td>");
            } catch (ErpGatewayException e) {
                html.append("<td colspan=\"9\">").append(Html.escape("Figures unavailable: " + e.getMessage())).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (projects.size() > SHOWN) {
            html.append(Blocks.note("The first " + SHOWN + " of " + projects.size() + " projects."));
        }
        return html.append("</section>").toString();
    }

    private static void cell(StringBuilder html, String id, java.math.BigDecimal amount, String currency) {
        html.append("<td class=\"erp-amount\" data-figure=\"").append(id).append("\" data-amount=\"")
                .append(amount == null ? "" : Html.escape(amount.toPlainString())).append("\">")
                .append(Html.escape(Amounts.format(amount, currency))).append("</td>");
    }
}
