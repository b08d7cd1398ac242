package org.erpinsight.crm.web.reporting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.api.host.RecordTab;
import org.erpinsight.crm.api.host.RecordType;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.web.InsightConfiguration;
import org.erpinsight.crm.web.view.Texts;
import org.erpinsight.crm.web.view.Views;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * A "Reports" tab: the admin's BI report for the record, filtered by its ERP number, in a frame on
 * the record's page — reporting stays in the reporting tool, the user sees it where they work.
 * Its tab service is registered only while the reporting configuration names a report, and only
 * for the record types it names one for. The address is the admin's template with the numbers filled in, URL-encoded.
 */
@Component(service = {}, configurationPid = {InsightConfiguration.PID, ReportingConfiguration.PID})
public class ReportTab implements RecordTab {
    static final String TAB = "reports";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(customerNumber|supplierNumber|projectNumber|recordId)}");

    private final LinkService links;
    private final String source;
    private final Map<String, String> templates;
    private final String title;
    private final int height;
    private final ServiceRegistration<RecordTab> registration;

    @Activate
    public ReportTab(@Reference LinkService links, InsightConfiguration insight, ReportingConfiguration config, BundleContext context) {
        this.links = links;
        this.source = insight.source();
        Map<String, String> set = new java.util.LinkedHashMap<>();
        put(set, RecordType.COMPANY, config.company_report());
        put(set, RecordType.CONTACT, config.contact_report());
        put(set, RecordType.PROJECT, config.project_report());
        this.templates = Map.copyOf(set);
        this.title = config.tabTitle().isBlank() ? "Reports" : config.tabTitle().strip();
        this.height = Math.max(200, Math.min(4000, config.frameHeight()));
        if (templates.isEmpty()) {
            registration = null;
            return;
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(RecordTab.ID, TAB);
        properties.put(RecordTab.TITLE, title);
        properties.put(RecordTab.RECORD_TYPES, List.copyOf(templates.keySet()).toArray(String[]::new));
        properties.put(RecordTab.ORDER, 900);
        registration = context.registerService(RecordTab.class, this, properties);
    }

    private static void put(Map<String, String> set, RecordType type, String template) {
        if (template != null && !template.isBlank() && (template.startsWith("https://") || template.startsWith("http://"))) {
            set.put(type.id(), template.strip());
        }
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
    }

    /** What {@code reporting/reportTab.jte} shows: the report's address, or why there is none. */
    public record View(Texts t, String title, String address, String reason, int height) {
    }

    @Override
    public String render(CrmRecord record, CrmUser user, String returnTo) {
        Texts texts = Texts.of(user.locale());
        String template = templates.get(record.ref().type().id());
        View view;
        if (!user.may(Permission.VIEW_FINANCIALS)) {
            view = new View(texts, title, null, texts.get("tab.noPermission"), height);
        } else if (template == null) {
            view = new View(texts, title, null, texts.get("reports.none"), height);
        } else {
            view = address(texts, template, record);
        }
        return Views.tab(TAB, Views.content("reporting/reportTab.jte", view));
    }

    /** The template with the record's numbers filled in; a number the template needs and the record lacks: the reason instead. */
    private View address(Texts texts, String template, CrmRecord record) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder address = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "customerNumber" -> number(record, LinkKind.CUSTOMER).orElse(null);
                case "supplierNumber" -> number(record, LinkKind.SUPPLIER).orElse(null);
                case "projectNumber" -> number(record, LinkKind.PROJECT).orElse(null);
                default -> record.ref().id();
            };
            if (value == null) {
                return new View(texts, title, null, texts.get("reports.notLinked." + m.group(1)), height);
            }
            m.appendReplacement(address, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        m.appendTail(address);
        return new View(texts, title, address.toString(), null, height);
    }

    private Optional<String> number(CrmRecord record, LinkKind kind) {
        try {
            return links.linkOf(record.ref(), source, kind).map(Link::erpNumber);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
