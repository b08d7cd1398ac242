package org.erpinsight.crm.web.projects;

import java.util.List;

import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.ErpReading;
import org.erpinsight.crm.api.ProjectOverview;
import org.erpinsight.crm.api.ProjectSummary;
import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.api.host.RecordTab;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.web.CsrfTokens;
import org.erpinsight.crm.web.InsightConfiguration;
import org.erpinsight.crm.web.view.LinkForms;
import org.erpinsight.crm.web.view.TabStart;
import org.erpinsight.crm.web.view.Texts;
import org.erpinsight.crm.web.view.Views;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import gg.jte.Content;

/**
 * The "Project overview" tab of a CRM project linked to an ERP project: its budget, hours and
 * their cost, travel and other expenses, invoiced and not yet invoiced, margin and the budget
 * used, read live (the last known figures, with their age, when the ERP is down).
 */
@Component(configurationPid = InsightConfiguration.PID, property = {
    RecordTab.ID + "=project-overview",
    RecordTab.TITLE + "=Project overview",
    RecordTab.TITLE + ".da=Projektoverblik",
    RecordTab.RECORD_TYPES + "=project",
    RecordTab.ORDER + ":Integer=100"})
public class ProjectOverviewTab implements RecordTab {
    static final String TAB = "project-overview";
    private final ErpGateway gateway;
    private final LinkService links;
    private final CsrfTokens csrf;
    private final String source;

    @Activate
    public ProjectOverviewTab(@Reference ErpGateway gateway, @Reference LinkService links, @Reference CsrfTokens csrf,
            InsightConfiguration config) {
        this.gateway = gateway;
        this.links = links;
        this.csrf = csrf;
        this.source = config.source();
    }

    /** What {@code projects/projectOverview.jte} shows of a linked record: the reading, or the problem instead. */
    public record View(Texts t, ErpReading<ProjectOverview> reading, String problemLevel, String problem, Content unlink) {
    }

    /**
     * ERP projects whose number or name holds a word of the CRM project's name (the longer words
     * first); one click links one.
     */
    private LinkForms.Suggestions suggestions(Texts texts, CrmRecord record) {
        java.util.Map<String, ProjectSummary> found = new java.util.LinkedHashMap<>();
        List<String> words = java.util.Arrays.stream(record.name().split("[^\\p{L}\\p{N}-]+")).filter(w -> w.length() >= 4)
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).limit(3).toList();
        try {
            for (String word : words) {
                for (ProjectSummary p : gateway.searchProjects(source, word, 5)) {
                    found.putIfAbsent(p.number(), p);
                }
            }
        } catch (ErpGatewayException e) {
            return LinkForms.Suggestions.failed(texts.get("customer.noSuggestions", e.getMessage()));
        }
        return new LinkForms.Suggestions(texts.get("project.suggested"), found.values().stream().limit(5)
                .map(p -> new LinkForms.Suggestion(p.number(), p.name() + " (" + p.number() + ", "
                        + texts.get("project.customer", p.customerNumber()) + ")")).toList(), null);
    }

    @Override
    public String render(CrmRecord record, CrmUser user, String returnTo) {
        Texts texts = Texts.of(user.locale());
        LinkForms forms = new LinkForms(texts, record.ref(), source, LinkKind.PROJECT, returnTo, csrf.tokenFor(user.id()));
        // projects are made in the ERP: no create form
        Content unlinked = user.may(Permission.MANAGE_LINKS)
                ? forms.unlinked(false, null, null, () -> suggestions(texts, record))
                : Views.NOTHING;
        TabStart start = TabStart.of(record, user, links, source, LinkKind.PROJECT, texts.get("project.notLinked"), unlinked);
        if (!start.linked()) {
            return start.render(TAB);
        }
        String number = start.link().erpNumber();
        Content unlink = user.may(Permission.MANAGE_LINKS) ? forms.unlink(number) : Views.NOTHING;
        View view;
        try {
            view = new View(texts, gateway.readProjectOverview(source, number), null, null, unlink);
        } catch (ErpGatewayException e) {
            view = e.code() == ErpErrorCode.NOT_FOUND
                    ? new View(texts, null, "warning", texts.get("project.gone", number), unlink)
                    : new View(texts, null, "error", texts.erpProblem(e), unlink);
        }
        return Views.tab(TAB, Views.content("projects/projectOverview.jte", view));
    }
}
