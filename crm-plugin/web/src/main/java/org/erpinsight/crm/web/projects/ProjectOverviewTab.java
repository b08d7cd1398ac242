package org.erpinsight.crm.web.projects;

import java.util.List;
import java.util.Optional;

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
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.web.CsrfTokens;
import org.erpinsight.crm.web.InsightConfiguration;
import org.erpinsight.crm.web.view.Blocks;
import org.erpinsight.crm.web.view.Html;
import org.erpinsight.crm.web.view.Texts;
import org.erpinsight.crm.web.view.LinkForms;
import org.erpinsight.crm.web.view.TabStart;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

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

    /**
     * ERP projects whose number or name holds a word of the CRM project's name (the longer words
     * first); one click links one.
     */
    private String suggestions(Texts texts, CrmRecord record, CrmUser user, String returnTo) {
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
            return Blocks.note(texts.get("customer.noSuggestions", e.getMessage()));
        }
        if (found.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<p>").append(Html.escape(texts.get("project.suggested")))
                .append("</p><ul class=\"erp-suggestions\" data-kind=\"PROJECT\">");
        for (ProjectSummary p : found.values().stream().limit(5).toList()) {
            html.append("<li>").append(LinkForms.suggestion(Texts.of(user.locale()), record.ref(), source, LinkKind.PROJECT, returnTo, csrf.tokenFor(user.id()),
                    p.number(), p.name() + " (" + p.number() + ", " + texts.get("project.customer", p.customerNumber()) + ")")).append("</li>");
        }
        return html.append("</ul>").toString();
    }

    @Override
    public String render(CrmRecord record, CrmUser user, String returnTo) {
        Texts texts = Texts.of(user.locale());
        StringBuilder html = new StringBuilder("<section class=\"erp-insight erp-project-overview\">").append(Blocks.STYLE);
        java.util.function.Supplier<String> unlinked = () -> user.may(Permission.MANAGE_LINKS)
                ? LinkForms.link(Texts.of(user.locale()), record.ref(), source, LinkKind.PROJECT, returnTo, csrf.tokenFor(user.id()))
                        + suggestions(texts, record, user, returnTo)
                : null;
        Optional<Link> link = TabStart.linked(html, record, user, links, source, LinkKind.PROJECT, texts.get("project.notLinked"), unlinked);
        if (link.isEmpty()) {
            return html.append("</section>").toString();
        }
        try {
            ErpReading<ProjectOverview> reading = gateway.readProjectOverview(source, link.get().erpNumber());
            ProjectOverview p = reading.value();
            html.append(Blocks.staleStart(texts, reading));
            ProjectFigures.render(html, texts, p);
            html.append("<p class=\"erp-asof\">").append(Html.escape(texts.get("project.erpProject"))).append(" <b data-figure=\"projectNumber\">")
                    .append(Html.escape(p.projectNumber())).append("</b> ").append(Html.escape(p.name())).append(" · ")
                    .append(Html.escape(texts.get("project.customer", p.customerNumber()))).append(" · ").append(Blocks.asOf(texts, p.asOf()))
                    .append("</p>");
            html.append(Blocks.staleEnd(reading));
        } catch (ErpGatewayException e) {
            html.append(e.code() == ErpErrorCode.NOT_FOUND
                    ? Blocks.banner("warning", texts.get("project.gone", link.get().erpNumber()))
                    : Blocks.banner("error", texts.get("erp.unreachable", e.getMessage())));
        }
        if (user.may(Permission.MANAGE_LINKS)) {
            html.append(LinkForms.unlink(Texts.of(user.locale()), record.ref(), source, LinkKind.PROJECT, returnTo, csrf.tokenFor(user.id()), link.get().erpNumber()));
        }
        return html.append("</section>").toString();
    }

    /** The project's figures as a list of labelled amounts. */
    static final class ProjectFigures {
        private ProjectFigures() {
        }

        static void render(StringBuilder html, Texts texts, ProjectOverview p) {
            html.append("<dl class=\"erp-figures\">");
            Blocks.figure(html, texts, "budget", texts.get("projects.budget"), p.budget(), p.currency(), null);
            html.append("<div><dt>").append(Html.escape(texts.get("projects.budgetUsed"))).append("</dt><dd>")
                    .append(Blocks.bar("budgetUsed", p.budgetUsedPercent(), texts.get("projects.budgetUsed"))).append("</dd></div>");
            Blocks.count(html, "hours", texts.get("project.hoursRegistered"), p.hours().toPlainString());
            Blocks.figure(html, texts, "hoursCost", texts.get("project.hoursCost"), p.hoursCost(), p.currency(), null);
            Blocks.figure(html, texts, "travelExpenses", texts.get("project.travelExpenses"), p.travelExpenses(), p.currency(), null);
            Blocks.figure(html, texts, "otherExpenses", texts.get("projects.otherExpenses"), p.otherExpenses(), p.currency(), null);
            Blocks.figure(html, texts, "invoiced", texts.get("projects.invoiced"), p.invoiced(), p.currency(), null);
            Blocks.figure(html, texts, "notInvoiced", texts.get("project.notYetInvoiced"), p.notInvoiced(), p.currency(), null);
            Blocks.figure(html, texts, "margin", texts.get("projects.margin"), p.margin(), p.currency(), null);
            html.append("</dl>");
        }
    }
}
