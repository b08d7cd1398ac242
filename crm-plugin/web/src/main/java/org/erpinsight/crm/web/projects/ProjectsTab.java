package org.erpinsight.crm.web.projects;

import java.util.ArrayList;
import java.util.List;

import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.ErpReading;
import org.erpinsight.crm.api.ProjectOverview;
import org.erpinsight.crm.api.ProjectSummary;
import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.RecordTab;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.web.InsightConfiguration;
import org.erpinsight.crm.web.view.TabStart;
import org.erpinsight.crm.web.view.Texts;
import org.erpinsight.crm.web.view.Views;
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
    static final String TAB = "projects";
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

    /** One project's row: its figures, or why they are missing. */
    public record Row(ProjectSummary summary, ErpReading<ProjectOverview> reading, String problem) {
    }

    /** What {@code projects/projects.jte} shows: the first projects' rows of how many, or the problem instead. */
    public record View(Texts t, List<Row> rows, int total, String problemLevel, String problem) {
    }

    @Override
    public String render(CrmRecord record, CrmUser user, String returnTo) {
        Texts texts = Texts.of(user.locale());
        TabStart start = TabStart.of(record, user, links, source, LinkKind.CUSTOMER, texts.get("projects.notLinked"), null);
        if (!start.linked()) {
            return start.render(TAB);
        }
        View view;
        try {
            List<ProjectSummary> projects = gateway.projects(source, start.link().erpNumber());
            List<Row> rows = new ArrayList<>();
            for (ProjectSummary summary : projects.subList(0, Math.min(SHOWN, projects.size()))) {
                try {
                    // reused while fresh like every other figure; the last known when the ERP is down, said so in the row
                    rows.add(new Row(summary, gateway.readProjectOverview(source, summary.number()), null));
                } catch (ErpGatewayException e) {
                    rows.add(new Row(summary, null, e.getMessage()));
                }
            }
            view = new View(texts, rows, projects.size(), null, null);
        } catch (ErpGatewayException e) {
            view = e.code() == ErpErrorCode.NOT_FOUND
                    ? new View(texts, List.of(), 0, "warning", texts.get("invoices.customerGone"))
                    : new View(texts, List.of(), 0, "error", texts.erpProblem(e));
        }
        return Views.tab(TAB, Views.content("projects/projects.jte", view));
    }
}
