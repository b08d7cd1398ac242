package org.erpinsight.crm.web.links;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.CrmUsers;
import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.api.host.RecordDirectory;
import org.erpinsight.crm.api.host.RecordRef;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkConflictException;
import org.erpinsight.crm.api.links.LinkEdit;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkOrigin;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.web.InsightConfiguration;
import org.erpinsight.crm.web.WebWhiteboard;
import org.erpinsight.crm.web.CsrfTokens;
import org.erpinsight.crm.web.view.Page;
import org.erpinsight.crm.web.view.Texts;
import org.erpinsight.crm.web.view.Json;
import org.erpinsight.crm.web.view.ReturnPath;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Links and unlinks a record (POST from the tab's forms, or from a script with
 * {@code Accept: application/json}). Checks the user's permission and CSRF token, that the
 * record exists in the CRM and the number in the ERP, then writes the link with an audit entry.
 */
@Component(service = Servlet.class, configurationPid = InsightConfiguration.PID)
@HttpWhiteboardServletPattern(LinkServlet.PATH)
@HttpWhiteboardServletName(WebWhiteboard.NAME_PREFIX + "links")
@HttpWhiteboardContextSelect(WebWhiteboard.DEFAULT_CONTEXT)
public class LinkServlet extends HttpServlet {
    static final String PATH = org.erpinsight.crm.web.view.LinkForms.PATH;
    private static final long serialVersionUID = 1L;

    private final transient LinkService links;
    private final transient ErpGateway gateway;
    private final transient CrmUsers users;
    private final transient RecordDirectory records;
    private final transient CsrfTokens csrf;

    @Activate
    public LinkServlet(@Reference LinkService links, @Reference ErpGateway gateway, @Reference CrmUsers users,
                       @Reference RecordDirectory records, @Reference CsrfTokens csrf) {
        this.links = links;
        this.gateway = gateway;
        this.users = users;
        this.records = records;
        this.csrf = csrf;
    }

    /**
     * A refusal with its HTTP status, a stable code, and a text (key and values): in English for
     * scripts (JSON's detail), in the user's language on the page.
     */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;
        final transient Object[] values;

        Refusal(int status, String code, String key, Object... values) {
            super(key, null, false, false);
            this.status = status;
            this.code = code;
            this.values = values;
        }

        String in(Texts texts) {
            return texts.get(getMessage(), values);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            Link result = handle(request);
            if (wantsJson(request)) {
                json(response, 200, result == null ? "{\"linked\":false}"
                        : "{\"linked\":true,\"record\":\"" + Json.escape(result.record().toString()) + "\",\"source\":\""
                        + Json.escape(result.source()) + "\",\"kind\":\"" + result.kind() + "\",\"erpNumber\":\""
                        + Json.escape(result.erpNumber()) + "\"}");
            } else {
                response.sendRedirect(ReturnPath.safe(request.getParameter("returnTo")));
            }
        } catch (Refusal r) {
            if (wantsJson(request)) {
                json(response, r.status, "{\"code\":\"" + r.code + "\",\"detail\":" + Json.string(r.in(Texts.ENGLISH)) + "}");
            } else {
                Texts texts = users.currentUser(request).map(u -> Texts.of(u.locale())).orElse(Texts.ENGLISH);
                Page.message(response, r.status, texts, texts.get("linkPage.title"), "error", r.in(texts), request.getParameter("returnTo"));
            }
        }
    }

    private Link handle(HttpServletRequest request) throws Refusal {
        CrmUser user = users.currentUser(request).orElseThrow(() -> new Refusal(401, "UNAUTHENTICATED", "entry.signIn"));
        if (!csrf.valid(user.id(), request.getParameter(CsrfTokens.FIELD))) {
            throw new Refusal(403, "CSRF", "entry.expired");
        }
        if (!user.may(Permission.MANAGE_LINKS)) {
            throw new Refusal(403, "FORBIDDEN", "linkPage.noPermission");
        }
        RecordRef ref = recordRef(request.getParameter("record"));
        if (records.record(ref).isEmpty()) {
            throw new Refusal(404, "RECORD_NOT_FOUND", "linkPage.noRecord", ref.toString());
        }
        String source = required(request, "source");
        LinkKind kind = kind(request.getParameter("kind"));
        String action = required(request, "action");
        String reason = Optional.ofNullable(request.getParameter("reason")).orElse("linked from the record page");
        try {
            if (action.equals("unlink")) {
                links.unlink(ref, source, kind, new LinkEdit(user.id(), reason, origin(request), null));
                return null;
            }
            if (action.equals("create")) {
                return create(request, ref, source, kind, user, reason);
            }
            if (!action.equals("link")) {
                throw new Refusal(400, "INVALID_REQUEST", "linkPage.badAction");
            }
            String number = required(request, "number").strip();
            verifyInErp(source, kind, number);
            return links.link(ref, source, kind, number, new LinkEdit(user.id(), reason, origin(request), null));
        } catch (LinkConflictException e) {
            throw new Refusal(409, "LINK_CONFLICT", "linkPage.conflict", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "INVALID_REQUEST", "linkPage.invalid", e.getMessage());
        }
    }

    /** Creates a customer or supplier in the ERP with what the form gives (name, number, VAT only) and links the record to it. */
    private Link create(HttpServletRequest request, RecordRef ref, String source, LinkKind kind, CrmUser user, String reason)
            throws Refusal {
        if (kind == LinkKind.PROJECT) {
            throw new Refusal(400, "INVALID_REQUEST", "linkPage.noProjects");
        }
        String key = required(request, "key");
        String name = required(request, "name").strip();
        String number = Optional.ofNullable(request.getParameter("number")).map(String::strip).filter(n -> !n.isEmpty()).orElse(null);
        String vat = Optional.ofNullable(request.getParameter("vatNumber")).map(String::strip).filter(n -> !n.isEmpty()).orElse(null);
        org.erpinsight.crm.api.Party party;
        try {
            party = gateway.createParty(source, key, kind == LinkKind.SUPPLIER ? org.erpinsight.crm.api.PartyKind.SUPPLIER
                    : org.erpinsight.crm.api.PartyKind.CUSTOMER, name, number, vat);
        } catch (ErpGatewayException e) {
            throw switch (e.code()) {
                case INVALID_REQUEST -> new Refusal(422, "ERP_REFUSED", "entry.erpRefused", e.getMessage());
                case UNAUTHENTICATED -> new Refusal(403, "ERP_FORBIDDEN", "linkPage.keyMayNotCreate", e.getMessage());
                default -> new Refusal(503, "ERP_UNREACHABLE", "linkPage.cannotCreate", e.getMessage());
            };
        }
        return links.link(ref, source, kind, party.number(), new LinkEdit(user.id(), reason.equals("linked from the record page")
                ? "created in the ERP from the record page" : reason, LinkOrigin.CREATED_IN_ERP, null));
    }

    /** A link to a number the ERP does not know would show nothing but errors: refuse it up front. */
    private void verifyInErp(String source, LinkKind kind, String number) throws Refusal {
        try {
            boolean known = switch (kind) {
                case CUSTOMER -> gateway.customer(source, number).isPresent();
                case SUPPLIER -> gateway.supplier(source, number).isPresent();
                case PROJECT -> exists(() -> gateway.projectOverview(source, number));
            };
            if (!known) {
                throw new Refusal(422, "ERP_NUMBER_UNKNOWN", "linkPage.unknown." + kind.name(), source, number);
            }
        } catch (ErpGatewayException e) {
            if (e.code() == ErpErrorCode.INVALID_REQUEST) {
                throw new Refusal(400, "INVALID_REQUEST", "linkPage.notANumber." + kind.name(), number);
            }
            throw new Refusal(503, "ERP_UNREACHABLE", "linkPage.cannotCheck", e.getMessage());
        }
    }

    private static boolean exists(java.util.function.Supplier<?> read) {
        try {
            read.get();
            return true;
        } catch (ErpGatewayException e) {
            if (e.code() == ErpErrorCode.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private static RecordRef recordRef(String value) throws Refusal {
        try {
            return RecordRef.parse(value);
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "INVALID_REQUEST", "entry.badRecord");
        }
    }

    private static LinkKind kind(String value) throws Refusal {
        try {
            return LinkKind.valueOf(value == null ? "CUSTOMER" : value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "INVALID_REQUEST", "linkPage.badKind");
        }
    }

    private static String required(HttpServletRequest request, String name) throws Refusal {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            throw new Refusal(400, "INVALID_REQUEST", "entry.required", name);
        }
        return value;
    }

    /** A form on a page is a user's change; a script asking for JSON is a change by API. */
    private static LinkOrigin origin(HttpServletRequest request) {
        return wantsJson(request) ? LinkOrigin.API : LinkOrigin.MANUAL;
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("application/json");
    }

    private static void json(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
