package org.erpinsight.crm.web.linkmanager;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.CrmUsers;
import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkConflictException;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkSuggestions;
import org.erpinsight.crm.api.links.StaleLinkException;
import org.erpinsight.crm.api.links.Suggestion;
import org.erpinsight.crm.api.links.SuggestionRun;
import org.erpinsight.crm.web.CsrfTokens;
import org.erpinsight.crm.web.InsightConfiguration;
import org.erpinsight.crm.web.WebWhiteboard;
import org.erpinsight.crm.web.view.Json;
import org.erpinsight.crm.web.view.Page;
import org.erpinsight.crm.web.view.ReturnPath;
import org.erpinsight.crm.web.view.Texts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The link manager's bulk suggestions as JSON, for its page and for scripts. Every call needs the
 * manage-links permission; every write the user's CSRF token (header {@code X-CSRF-Token} or field
 * {@code csrf}; a GET answers it).
 *
 * <pre>
 * GET  /erp-insight/link-manager/suggestions[?kind=CUSTOMER&amp;minScore=0&amp;offset=0&amp;limit=50]  the run and the queue
 * POST action=start&amp;kind=CUSTOMER&amp;threshold=0.6 | action=cancel | action=accept&amp;id=N | action=reject&amp;id=N
 *      | action=acceptAbove&amp;kind=CUSTOMER&amp;minScore=0.5
 * </pre>
 */
@Component(service = Servlet.class, configurationPid = InsightConfiguration.PID)
@HttpWhiteboardServletPattern(SuggestionsServlet.PATH)
@HttpWhiteboardServletName(WebWhiteboard.NAME_PREFIX + "link-suggestions")
@HttpWhiteboardContextSelect(WebWhiteboard.DEFAULT_CONTEXT)
public class SuggestionsServlet extends HttpServlet {
    public static final String PATH = "/erp-insight/link-manager/suggestions";
    private static final long serialVersionUID = 1L;

    private final transient LinkSuggestions suggestions;
    private final transient CrmUsers users;
    private final transient CsrfTokens csrf;
    private final String source;

    @Activate
    public SuggestionsServlet(@Reference LinkSuggestions suggestions, @Reference CrmUsers users, @Reference CsrfTokens csrf,
                              InsightConfiguration config) {
        this.suggestions = suggestions;
        this.users = users;
        this.csrf = csrf;
        this.source = config.source();
    }

    /** A refusal with its status and stable code. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        Refusal(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            CrmUser user = manager(request);
            LinkKind kind = kind(request.getParameter("kind"));
            List<Suggestion> queue = suggestions.queue(source, kind, number(request, "minScore", 0, 0, 1),
                    (int) number(request, "offset", 0, 0, 1_000_000), (int) number(request, "limit", 50, 1, 1000));
            StringBuilder json = new StringBuilder("{\"csrf\":").append(Json.string(csrf.tokenFor(user.id()))).append(",\"run\":");
            json.append(suggestions.run().map(SuggestionsServlet::json).orElse("null")).append(",\"queue\":[");
            for (int i = 0; i < queue.size(); i++) {
                json.append(i == 0 ? "" : ",").append(json(queue.get(i)));
            }
            send(response, 200, json.append("]}").toString());
        } catch (Refusal r) {
            refuse(response, r);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            CrmUser user = manager(request);
            String token = Optional.ofNullable(request.getHeader("X-CSRF-Token")).orElse(request.getParameter(CsrfTokens.FIELD));
            if (!csrf.valid(user.id(), token)) {
                throw new Refusal(403, "CSRF", "Send the CSRF token of GET " + PATH + " as X-CSRF-Token");
            }
            String action = Optional.ofNullable(request.getParameter("action")).orElse("");
            String answer = switch (action) {
                case "start" -> json(start(request, user));
                case "cancel" -> "{\"cancelled\":" + suggestions.cancel(user.id()) + "}";
                case "accept" -> accept(request, user);
                case "reject" -> "{\"rejected\":" + suggestions.reject(id(request), user.id()) + "}";
                case "acceptAbove" -> "{\"accepted\":" + suggestions.acceptAbove(source, kind(request.getParameter("kind")),
                        number(request, "minScore", 1, 0, 1), user.id()) + "}";
                default -> throw new Refusal(400, "INVALID_REQUEST", "action must be start, cancel, accept, reject or acceptAbove");
            };
            String returnTo = request.getParameter("returnTo");
            if (returnTo != null) {
                // a form of the link manager's page: back to it
                response.sendRedirect(ReturnPath.safe(returnTo));
                return;
            }
            send(response, 200, answer);
        } catch (Refusal r) {
            if (request.getParameter("returnTo") != null) {
                Texts texts = users.currentUser(request).map(u -> Texts.of(u.locale())).orElse(Texts.ENGLISH);
                Page.message(response, r.status, texts, texts.get("manager.title"), "error", r.getMessage(), request.getParameter("returnTo"));
                return;
            }
            refuse(response, r);
        }
    }

    private SuggestionRun start(HttpServletRequest request, CrmUser user) throws Refusal {
        try {
            return suggestions.start(source, kind(request.getParameter("kind")), number(request, "threshold", 0.6, 0.3, 1), user.id());
        } catch (IllegalStateException e) {
            throw new Refusal(409, "RUN_GOING", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "INVALID_REQUEST", e.getMessage());
        }
    }

    private String accept(HttpServletRequest request, CrmUser user) throws Refusal {
        try {
            Link link = suggestions.accept(id(request), user.id());
            return "{\"linked\":true,\"record\":" + Json.string(link.record().toString()) + ",\"erpNumber\":" + Json.string(link.erpNumber())
                    + "}";
        } catch (NoSuchElementException e) {
            throw new Refusal(404, "NO_SUCH_SUGGESTION", e.getMessage());
        } catch (StaleLinkException e) {
            throw new Refusal(409, "STALE", "The record was linked meanwhile: " + e.getMessage());
        } catch (LinkConflictException e) {
            throw new Refusal(409, "LINK_CONFLICT", e.getMessage());
        }
    }

    private CrmUser manager(HttpServletRequest request) throws Refusal {
        CrmUser user = users.currentUser(request).orElseThrow(() -> new Refusal(401, "UNAUTHENTICATED", "Sign in first"));
        if (!user.may(Permission.MANAGE_LINKS)) {
            throw new Refusal(403, "FORBIDDEN", "You do not have permission to manage ERP links");
        }
        return user;
    }

    private static LinkKind kind(String value) throws Refusal {
        try {
            return value == null || value.isBlank() ? LinkKind.CUSTOMER : LinkKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "INVALID_REQUEST", "kind must be CUSTOMER or SUPPLIER");
        }
    }

    private static long id(HttpServletRequest request) throws Refusal {
        return (long) number(request, "id", -1, 0, Long.MAX_VALUE);
    }

    private static double number(HttpServletRequest request, String name, double otherwise, double min, double max) throws Refusal {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            if (otherwise < min) {
                throw new Refusal(400, "INVALID_REQUEST", name + " is required");
            }
            return otherwise;
        }
        try {
            double n = Double.parseDouble(value.strip());
            if (!(n >= min && n <= max)) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new Refusal(400, "INVALID_REQUEST", name + " must be a number from " + min + " to " + max);
        }
    }

    static String json(SuggestionRun r) {
        return "{\"id\":" + r.id() + ",\"source\":" + Json.string(r.source()) + ",\"kind\":\"" + r.kind() + "\",\"threshold\":" + r.threshold()
                + ",\"state\":\"" + r.state() + "\",\"phase\":" + Json.string(r.phase()) + ",\"done\":" + r.done() + ",\"total\":" + r.total()
                + ",\"linked\":" + r.linked() + ",\"queued\":" + r.queued() + ",\"perSecond\":" + Math.round(r.perSecond() * 10) / 10.0
                + ",\"secondsLeft\":" + r.secondsLeft() + ",\"startedAt\":\"" + r.startedAt() + "\",\"updatedAt\":\"" + r.updatedAt()
                + "\",\"message\":" + (r.message() == null ? "null" : Json.string(r.message())) + "}";
    }

    static String json(Suggestion s) {
        StringBuilder reasons = new StringBuilder("[");
        for (int i = 0; i < s.reasons().size(); i++) {
            reasons.append(i == 0 ? "" : ",").append(Json.string(s.reasons().get(i)));
        }
        return "{\"id\":" + s.id() + ",\"record\":" + Json.string(s.record().toString()) + ",\"recordName\":" + Json.string(s.recordName())
                + ",\"erpNumber\":" + Json.string(s.erpNumber()) + ",\"erpName\":" + Json.string(s.erpName()) + ",\"score\":"
                + Math.round(s.score() * 1000) / 1000.0 + ",\"reasons\":" + reasons.append(']') + "}";
    }

    private static void refuse(HttpServletResponse response, Refusal r) throws IOException {
        send(response, r.status, "{\"code\":\"" + r.code + "\",\"detail\":" + Json.string(r.getMessage()) + "}");
    }

    private static void send(HttpServletResponse response, int status, String json) throws IOException {
        Json.send(response, status, json);
    }
}
