package org.erpinsight.crm.web.embed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.RecordDirectory;
import org.erpinsight.crm.api.host.RecordRef;
import org.erpinsight.crm.api.host.RecordTab;
import org.erpinsight.crm.web.WebWhiteboard;
import org.erpinsight.crm.web.view.Page;
import org.erpinsight.crm.web.view.Texts;
import org.erpinsight.crm.web.view.Views;
import org.erpinsight.crm.web.view.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.Designate;

import gg.jte.Content;

/**
 * One insight tab as a page of its own, for CRMs that are not OSGi based: their web panel or
 * iframe opens {@value #PATH}{@code ?tab=&record=&user=&name=&perms=&exp=&kid=&sig=}, signed as
 * {@link SignedEmbedding} says. Unsigned, changed, expired or over-long URLs are refused (403, a
 * stable code and a message); the page may be framed only by the configured origins. Keys change
 * without the servlet going away (the configuration is modified in place).
 */
@Component(service = Servlet.class, configurationPid = EmbedConfiguration.PID)
@Designate(ocd = EmbedConfiguration.class)
@HttpWhiteboardServletPattern(EmbeddedTabServlet.PATH)
@HttpWhiteboardServletName(WebWhiteboard.NAME_PREFIX + "embed")
@HttpWhiteboardContextSelect(WebWhiteboard.DEFAULT_CONTEXT)
public class EmbeddedTabServlet extends HttpServlet {
    public static final String PATH = "/erp-insight/embed";
    private static final long serialVersionUID = 1L;

    private final transient RecordDirectory directory;
    private final transient Map<String, RecordTab> tabs = new ConcurrentHashMap<>();
    private final transient Clock clock = Clock.systemUTC();
    private transient volatile SignedEmbedding signing;
    private volatile String frameAncestors;

    @Activate
    public EmbeddedTabServlet(@Reference RecordDirectory directory, EmbedConfiguration config) {
        this.directory = directory;
        modified(config);
    }

    @Modified
    void modified(EmbedConfiguration config) {
        this.signing = new SignedEmbedding(config._keys(), config.maxValiditySeconds());
        this.frameAncestors = config.frameAncestors().replaceAll("[\\r\\n;]", " ").strip();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addTab(RecordTab tab, Map<String, Object> properties) {
        Object id = properties.get(RecordTab.ID);
        if (id != null) {
            tabs.put(id.toString(), tab);
        }
    }

    void removeTab(RecordTab tab, Map<String, Object> properties) {
        tabs.values().remove(tab);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> p = new HashMap<>();
        for (String name : List.of("tab", "record", "user", "name", "perms", "exp", "kid", "sig")) {
            p.put(name, request.getParameter(name));
        }
        Texts texts = texts(request);
        SignedEmbedding.Grant grant;
        try {
            grant = signing.verify(p, clock.instant());
        } catch (SignedEmbedding.Refused refused) {
            refuse(request, response, texts, HttpServletResponse.SC_FORBIDDEN, refused.code, refused.getMessage(), refused.in(texts));
            return;
        }
        RecordTab tab = tabs.get(grant.tab());
        if (tab == null) {
            refuse(request, response, texts, HttpServletResponse.SC_NOT_FOUND, "UNKNOWN_TAB", grant.tab());
            return;
        }
        CrmRecord record;
        try {
            record = directory.record(RecordRef.parse(grant.record())).orElse(null);
        } catch (IllegalArgumentException e) {
            refuse(request, response, texts, HttpServletResponse.SC_BAD_REQUEST, "BAD_RECORD", grant.record());
            return;
        }
        if (record == null) {
            refuse(request, response, texts, HttpServletResponse.SC_NOT_FOUND, "UNKNOWN_RECORD", grant.record());
            return;
        }
        CrmUser user = new CrmUser("embedded:" + grant.user(), grant.userName().isEmpty() ? grant.user() : grant.userName(),
                grant.permissions(), texts.locale());
        Content fragment = Views.raw(tab.render(record, user, PATH));
        headers(response);
        Page.send(response, HttpServletResponse.SC_OK, Views.render("layout/page.jte", Map.of("t", texts, "title", record.name(),
                "body", fragment, "bodyStyle", "margin:.5em", "embedded", "true")));
    }

    /**
     * The words of the page: {@code lang} (da or en) when the CRM sets it, else the browser's first
     * language. Not signed: it changes the words, never what is shown.
     */
    private static Texts texts(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if (lang == null || lang.isBlank()) {
            String accept = request.getHeader("Accept-Language");
            lang = accept == null ? "en" : accept.split("[,;]")[0].strip();
        }
        return Texts.of(Locale.forLanguageTag(lang));
    }

    private void headers(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", "frame-ancestors " + (frameAncestors.isEmpty() ? "'none'" : frameAncestors));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Texts texts, int status, String code, String value)
            throws IOException {
        refuse(request, response, texts, status, code, Texts.ENGLISH.get("embed." + code, value), texts.get("embed." + code, value));
    }

    /** A refusal: its code and English message as JSON for scripts, or a page in the user's language. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, Texts texts, int status, String code, String english,
                        String message) throws IOException {
        headers(response);
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("application/json")) {
            response.setStatus(status);
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(("{\"code\":\"" + code + "\",\"message\":" + Json.string(english) + "}")
                    .getBytes(StandardCharsets.UTF_8));
        } else {
            Page.send(response, status, Views.render("layout/page.jte", Map.of("t", texts, "title", texts.get("embed.refused"),
                    "body", Views.content("embed/refused.jte", Map.of("code", code, "message", message)))));
        }
    }
}
