package org.erpinsight.crm.web.orders;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.Item;
import org.erpinsight.crm.api.LineRequest;
import org.erpinsight.crm.api.Order;
import org.erpinsight.crm.api.OrderConfirmation;
import org.erpinsight.crm.api.OrderLine;
import org.erpinsight.crm.api.PriceQuote;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.CrmUsers;
import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.api.host.RecordRef;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.web.WebWhiteboard;
import org.erpinsight.crm.web.CsrfTokens;
import org.erpinsight.crm.web.InsightConfiguration;
import org.erpinsight.crm.web.view.Amounts;
import org.erpinsight.crm.web.view.Html;
import org.erpinsight.crm.web.view.Page;
import org.erpinsight.crm.web.view.ReturnPath;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Order entry from a CRM record on the ERP's own order lines: price the lines (quote), create the
 * draft order in the ERP (with an idempotency key made for this form, so a double click or a
 * retry never makes a second order), then work on the draft in the ERP: find items by number or
 * name, add, change and remove lines (the ERP prices them again; as quantities change the page
 * asks for prices without saving, where scripts run), and confirm it (accepting a credit warning
 * explicitly if the ERP gives one). A draft is reopened from the Orders tab. Every action checks
 * that the order belongs to the customer linked to the record. Nothing is stored here.
 */
@Component(service = Servlet.class, configurationPid = InsightConfiguration.PID)
@HttpWhiteboardServletPattern(OrderEntryServlet.PATH)
@HttpWhiteboardServletName(WebWhiteboard.NAME_PREFIX + "order-entry")
@HttpWhiteboardContextSelect(WebWhiteboard.DEFAULT_CONTEXT)
public class OrderEntryServlet extends HttpServlet {
    static final String PATH = "/erp-insight/order";
    static final int MAX_LINES = 20;
    private static final long serialVersionUID = 1L;

    private final transient ErpGateway gateway;
    private final transient LinkService links;
    private final transient CrmUsers users;
    private final transient CsrfTokens csrf;
    private final String source;

    @Activate
    public OrderEntryServlet(@Reference ErpGateway gateway, @Reference LinkService links, @Reference CrmUsers users,
                             @Reference CsrfTokens csrf, InsightConfiguration config) {
        this.gateway = gateway;
        this.links = links;
        this.users = users;
        this.csrf = csrf;
        this.source = config.source();
    }

    /** A refusal shown to the user with its HTTP status. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        Refusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** The address that reopens a draft in the editor, from the Orders tab. */
    static String editorAddress(String record, String order, String returnTo) {
        java.util.function.Function<String, String> url = v -> java.net.URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8);
        return PATH + "?record=" + url.apply(record) + "&order=" + url.apply(order) + "&returnTo=" + url.apply(returnTo);
    }

    /** Reopens an order of the record's customer: a draft in the editor, a confirmed one as it stands. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String returnTo = ReturnPath.safe(request.getParameter("returnTo"));
        try {
            CrmUser user = users.currentUser(request).orElseThrow(() -> new Refusal(401, "Sign in first"));
            if (!user.may(Permission.ENTER_ORDERS)) {
                throw new Refusal(403, "You do not have permission to enter orders");
            }
            String record = required(request, "record");
            Order order = ownOrder(required(request, "order"), customerOf(record));
            page(response, 200, editor(user, record, returnTo, order, null, null), returnTo);
        } catch (Refusal r) {
            page(response, r.status, "<p class=\"erp-error\" data-error=\"" + r.status + "\">" + Html.escape(r.getMessage()) + "</p>",
                    returnTo);
        } catch (ErpGatewayException e) {
            page(response, 503, "<p class=\"erp-error\" data-error=\"503\">" + Html.escape("ERP unreachable: " + e.getMessage())
                    + "</p>", returnTo);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String returnTo = ReturnPath.safe(request.getParameter("returnTo"));
        try {
            CrmUser user = users.currentUser(request).orElseThrow(() -> new Refusal(401, "Sign in first"));
            if (!csrf.valid(user.id(), request.getParameter(CsrfTokens.FIELD))) {
                throw new Refusal(403, "The form has expired; reload the page and try again");
            }
            if (!user.may(Permission.ENTER_ORDERS)) {
                throw new Refusal(403, "You do not have permission to enter orders");
            }
            String record = required(request, "record");
            String customer = customerOf(record);
            String action = required(request, "action");
            if (action.equals("quote") && wantsJson(request)) {
                json(response, 200, quoteJson(gateway.quote(source, customer, lines(request))));
                return;
            }
            String body = switch (action) {
                case "quote" -> quote(request, user, record, customer, returnTo);
                case "create" -> create(request, user, record, customer, returnTo);
                case "save" -> save(request, user, record, customer, returnTo);
                case "add" -> add(request, user, record, customer, returnTo);
                case "items" -> items(request, user, record, customer, returnTo);
                case "confirm" -> confirm(request, user, record, customer, returnTo);
                default -> throw new Refusal(400, "action must be quote, create, save, add, items or confirm");
            };
            page(response, 200, body, returnTo);
        } catch (Refusal r) {
            if (wantsJson(request)) {
                json(response, r.status, "{\"message\":\"" + jsonText(r.getMessage()) + "\"}");
                return;
            }
            page(response, r.status, "<p class=\"erp-error\" data-error=\"" + r.status + "\">" + Html.escape(r.getMessage()) + "</p>",
                    returnTo);
        } catch (ErpGatewayException e) {
            int status = switch (e.code()) {
                case NOT_FOUND, INVALID_REQUEST -> 422;
                case UNAUTHENTICATED -> 502;
                default -> 503;
            };
            String message = e.code() == ErpErrorCode.SIDECAR_UNREACHABLE || e.code() == ErpErrorCode.ERP_UNAVAILABLE
                    ? "ERP unreachable: " + e.getMessage() : "The ERP refused it: " + e.getMessage();
            if (wantsJson(request)) {
                json(response, status, "{\"message\":\"" + jsonText(message) + "\"}");
                return;
            }
            page(response, status, "<p class=\"erp-error\" data-error=\"" + status + "\">" + Html.escape(message) + "</p>", returnTo);
        }
    }

    private String customerOf(String record) throws Refusal {
        RecordRef ref;
        try {
            ref = RecordRef.parse(record);
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "record must be TYPE/ID");
        }
        Optional<Link> link = links.linkOf(ref, source, LinkKind.CUSTOMER);
        return link.orElseThrow(() -> new Refusal(409, "Link the record to an ERP customer first")).erpNumber();
    }

    private static List<LineRequest> lines(HttpServletRequest request) throws Refusal {
        String[] items = request.getParameterValues("item");
        String[] quantities = request.getParameterValues("quantity");
        List<LineRequest> lines = new ArrayList<>();
        if (items != null) {
            for (int i = 0; i < items.length && i < MAX_LINES; i++) {
                String item = items[i] == null ? "" : items[i].strip();
                String quantity = quantities != null && i < quantities.length && quantities[i] != null ? quantities[i].strip() : "";
                if (item.isEmpty() && quantity.isEmpty()) {
                    continue;
                }
                lines.add(line(i + 1, item, quantity));
            }
        }
        if (lines.isEmpty()) {
            throw new Refusal(400, "Give at least one line: an item number and a quantity");
        }
        return lines;
    }

    private static LineRequest line(int number, String item, String quantity) throws Refusal {
        if (item.isEmpty() || quantity.isEmpty()) {
            throw new Refusal(400, "Line " + number + ": give both an item number and a quantity");
        }
        try {
            return new LineRequest(item, new BigDecimal(quantity));
        } catch (NumberFormatException e) {
            throw new Refusal(400, "Line " + number + ": '" + quantity + "' is not a quantity");
        }
    }

    private String quote(HttpServletRequest request, CrmUser user, String record, String customer, String returnTo)
            throws Refusal {
        List<LineRequest> lines = lines(request);
        PriceQuote quote = gateway.quote(source, customer, lines);
        String reference = Optional.ofNullable(request.getParameter("reference")).orElse("");
        StringBuilder html = new StringBuilder("<h1>ERP prices for customer ").append(Html.escape(customer)).append("</h1>");
        table(html, quote.lines(), quote.currency());
        html.append("<p data-quote-total=\"").append(quote.total().toPlainString()).append("\">Total ")
                .append(Html.escape(Amounts.format(quote.total(), quote.currency()))).append(" (prices of ").append(quote.date())
                .append(")</p>");
        html.append(form(user, record, returnTo, "create"))
                // made once for this form: the same order whatever happens to the request
                .append("<input type=\"hidden\" name=\"key\" value=\"crm-").append(UUID.randomUUID()).append("\">")
                .append("<input type=\"hidden\" name=\"reference\" value=\"").append(Html.escape(reference)).append("\">");
        for (LineRequest line : lines) {
            html.append("<input type=\"hidden\" name=\"item\" value=\"").append(Html.escape(line.itemNumber())).append("\">")
                    .append("<input type=\"hidden\" name=\"quantity\" value=\"").append(Html.escape(line.quantity().toPlainString()))
                    .append("\">");
        }
        return html.append("<button type=\"submit\">Create the draft order in the ERP</button></form>").toString();
    }

    private String create(HttpServletRequest request, CrmUser user, String record, String customer, String returnTo)
            throws Refusal {
        String key = required(request, "key");
        String reference = request.getParameter("reference");
        Order order = gateway.createOrder(source, key, customer, reference == null || reference.isBlank() ? null : reference.strip(),
                lines(request));
        return editor(user, record, returnTo, order, null, null);
    }

    /** The order of this record's customer, still a draft: the form's hidden field is the user's to change. */
    private Order draft(HttpServletRequest request, String customer) throws Refusal {
        Order order = ownOrder(required(request, "order"), customer);
        if (!"DRAFT".equals(order.status())) {
            throw new Refusal(409, "Order " + order.number() + " is confirmed in the ERP; its lines can no longer change");
        }
        return order;
    }

    private Order ownOrder(String number, String customer) throws Refusal {
        return gateway.order(source, number).filter(o -> customer.equals(o.customerNumber()))
                .orElseThrow(() -> new Refusal(404, "No order " + number + " of this record's ERP customer"));
    }

    /** Replaces the draft's lines with the form's (those marked for removal left out); the ERP prices them. */
    private String save(HttpServletRequest request, CrmUser user, String record, String customer, String returnTo) throws Refusal {
        Order draft = draft(request, customer);
        java.util.Set<String> removed = java.util.Set.of(Optional.ofNullable(request.getParameterValues("remove")).orElse(new String[0]));
        List<LineRequest> kept = new ArrayList<>();
        String[] items = Optional.ofNullable(request.getParameterValues("item")).orElse(new String[0]);
        String[] quantities = Optional.ofNullable(request.getParameterValues("quantity")).orElse(new String[0]);
        for (int i = 0; i < items.length && i < MAX_LINES; i++) {
            String item = items[i] == null ? "" : items[i].strip();
            String quantity = i < quantities.length && quantities[i] != null ? quantities[i].strip() : "";
            if (removed.contains(Integer.toString(i + 1)) || (item.isEmpty() && quantity.isEmpty())) {
                continue;
            }
            kept.add(line(i + 1, item, quantity));
        }
        if (kept.isEmpty()) {
            throw new Refusal(400, "A draft order keeps at least one line; to drop the order, leave it as a draft in the ERP");
        }
        return editor(user, record, returnTo, gateway.replaceOrderLines(source, draft.number(), kept), null, null);
    }

    /**
     * Adds one item (from the search) to the draft's lines in the ERP. The form says how many lines
     * the draft had when it was shown: a second click, the back button or a retry finds more and
     * adds nothing.
     */
    private String add(HttpServletRequest request, CrmUser user, String record, String customer, String returnTo) throws Refusal {
        Order draft = draft(request, customer);
        String item = required(request, "add").strip();
        String shownWith = request.getParameter("lines");
        if (shownWith != null && !shownWith.equals(Integer.toString(draft.lines().size()))) {
            return "<div class=\"erp-banner erp-banner-warning\" role=\"alert\" data-not-added=\"" + Html.escape(item) + "\">"
                    + "The draft has changed since that page was shown; nothing was added.</div>"
                    + editor(user, record, returnTo, draft, null, null);
        }
        List<LineRequest> lines = new ArrayList<>();
        draft.lines().forEach(l -> lines.add(new LineRequest(l.itemNumber(), l.quantity())));
        if (lines.size() >= MAX_LINES) {
            throw new Refusal(400, "An order entered here has at most " + MAX_LINES + " lines");
        }
        lines.add(new LineRequest(item, BigDecimal.ONE));
        return editor(user, record, returnTo, gateway.replaceOrderLines(source, draft.number(), lines), null, null);
    }

    /** Finds items by number or name for the draft. */
    private String items(HttpServletRequest request, CrmUser user, String record, String customer, String returnTo) throws Refusal {
        Order draft = draft(request, customer);
        String text = Optional.ofNullable(request.getParameter("text")).orElse("").strip();
        if (text.length() > 64) {
            throw new Refusal(400, "Search with at most 64 characters");
        }
        return editor(user, record, returnTo, draft, text, gateway.searchItems(source, text, 20));
    }

    /** A draft order as it is in the ERP, with its lines to change, items to find and the way to confirm it. */
    private String editor(CrmUser user, String record, String returnTo, Order order, String searched, List<Item> found) {
        StringBuilder html = new StringBuilder("<h1 data-order-number=\"").append(Html.escape(order.number())).append("\" data-status=\"")
                .append(Html.escape(order.status())).append("\">").append("DRAFT".equals(order.status()) ? "Draft order " : "Order ")
                .append(Html.escape(order.number())).append(" in the ERP</h1>");
        if (!"DRAFT".equals(order.status())) {
            table(html, order.lines(), order.currency());
            return html.append("<p>This order is confirmed in the ERP.</p>").toString();
        }
        html.append(form(user, record, returnTo, null)).append("<input type=\"hidden\" name=\"order\" value=\"")
                .append(Html.escape(order.number())).append("\"><table class=\"erp-lines erp-editable\"><thead><tr><th>Item</th>")
                .append("<th>Description</th><th>Quantity</th><th class=\"erp-amount\">Unit price</th><th class=\"erp-amount\">Discount</th>")
                .append("<th class=\"erp-amount\">Amount</th>")
                .append("<th>Price rule</th><th>Remove</th></tr></thead><tbody>");
        int n = 0;
        for (OrderLine l : order.lines()) {
            n++;
            html.append("<tr data-line=\"").append(n).append("\" data-item=\"").append(Html.escape(l.itemNumber()))
                    .append("\" data-unit-price=\"").append(l.unitPrice().toPlainString()).append("\" data-amount=\"")
                    .append(l.lineAmount().toPlainString()).append("\"><td><input name=\"item\" value=\"").append(Html.escape(l.itemNumber()))
                    .append("\" maxlength=\"32\" size=\"10\"></td><td>").append(Html.escape(l.description()))
                    .append("</td><td><input name=\"quantity\" value=\"").append(Html.escape(l.quantity().toPlainString()))
                    .append("\" inputmode=\"decimal\" size=\"6\"></td><td class=\"erp-amount erp-unit-price\">")
                    .append(Html.escape(Amounts.price(l.unitPrice(), order.currency()))).append("</td><td class=\"erp-amount erp-discount\">")
                    .append(Html.escape(l.discountPercent().stripTrailingZeros().toPlainString())).append("%</td>")
                    .append("<td class=\"erp-amount erp-line-amount\">")
                    .append(Html.escape(Amounts.format(l.lineAmount(), order.currency()))).append("</td><td class=\"erp-price-rule\">")
                    .append(Html.escape(l.priceRule())).append("</td><td><input type=\"checkbox\" name=\"remove\" value=\"").append(n)
                    .append("\" aria-label=\"Remove line ").append(n).append("\"></td></tr>");
        }
        for (int i = 0; i < 2 && n < MAX_LINES; i++) {
            n++;
            html.append("<tr data-line=\"").append(n).append("\" class=\"erp-new-line\"><td><input name=\"item\" maxlength=\"32\" size=\"10\"")
                    .append(" placeholder=\"item number\"></td><td></td><td><input name=\"quantity\" inputmode=\"decimal\" size=\"6\"></td>")
                    .append("<td class=\"erp-amount erp-unit-price\"></td><td class=\"erp-amount erp-discount\"></td>")
                    .append("<td class=\"erp-amount erp-line-amount\"></td>")
                    .append("<td class=\"erp-price-rule\"></td><td></td></tr>");
        }
        html.append("</tbody></table><p>Total <b class=\"erp-total\" data-total=\"").append(order.total().toPlainString()).append("\">")
                .append(Html.escape(Amounts.format(order.total(), order.currency()))).append("</b> <span class=\"erp-unsaved\" hidden>")
                .append("(prices for the changed lines; not saved in the ERP yet)</span></p>")
                .append("<button type=\"submit\" name=\"action\" value=\"save\">Save the lines in the ERP</button></form>");
        html.append(form(user, record, returnTo, "items")).append("<input type=\"hidden\" name=\"order\" value=\"")
                .append(Html.escape(order.number())).append("\"><label>Find items by number or name <input name=\"text\" maxlength=\"64\"")
                .append(" value=\"").append(Html.escape(searched == null ? "" : searched)).append("\"></label> <button type=\"submit\">Find")
                .append("</button></form>");
        if (found != null) {
            if (found.isEmpty()) {
                html.append("<p class=\"erp-note\">No items match.</p>");
            }
            html.append("<ul class=\"erp-items\">");
            for (Item item : found) {
                html.append("<li data-item=\"").append(Html.escape(item.number())).append("\">").append(form(user, record, returnTo, "add"))
                        .append("<input type=\"hidden\" name=\"order\" value=\"").append(Html.escape(order.number())).append("\">")
                        .append("<input type=\"hidden\" name=\"add\" value=\"").append(Html.escape(item.number())).append("\">")
                        .append("<input type=\"hidden\" name=\"lines\" value=\"").append(order.lines().size()).append("\"><b>")
                        .append(Html.escape(item.number())).append("</b> ").append(Html.escape(item.name())).append(" · base price ")
                        .append(Html.escape(Amounts.price(item.basePrice(), item.currency()))).append(" <button type=\"submit\">Add</button>")
                        .append("</form></li>");
            }
            html.append("</ul>");
        }
        html.append(form(user, record, returnTo, "confirm")).append("<input type=\"hidden\" name=\"order\" value=\"")
                .append(Html.escape(order.number())).append("\"><button type=\"submit\">Confirm the order</button></form>")
                .append(REPRICING);
        return html.toString();
    }

    /**
     * Where scripts run: prices the editable lines as quantities or items change (after a pause
     * in typing), without saving; the form works the same without it. (The form's action is read
     * as an attribute: the Save button is named "action" and shadows form.action.)
     */
    private static final String REPRICING = "<script>(function(){var t=document.querySelector('table.erp-editable');"
            + "if(!t||!window.fetch)return;var f=t.closest('form'),timer=null,seq=0,u=f.querySelector('.erp-unsaved');"
            + "function filled(r){var i=r.querySelector('input[name=item]'),q=r.querySelector('input[name=quantity]');"
            + "return i&&q&&i.value.trim()&&q.value.trim();}"
            + "function reprice(){var d=new FormData(f);d.set('action','quote');d.set('format','json');var mine=++seq;"
            + "fetch(f.getAttribute('action'),{method:'POST',body:new URLSearchParams(d),headers:{'Accept':'application/json'},credentials:'same-origin'})"
            + ".then(function(r){return r.json().then(function(j){return{ok:r.ok,j:j};});}).then(function(a){if(mine!==seq)return;"
            + "u.hidden=false;if(!a.ok){u.textContent='('+(a.j.message||'no prices')+')';return;}"
            + "var rows=[].slice.call(t.querySelectorAll('tbody tr')).filter(filled);a.j.lines.forEach(function(l,i){var r=rows[i];"
            + "if(!r)return;r.querySelector('.erp-unit-price').textContent=l.unitPrice;r.querySelector('.erp-discount').textContent=l.discount;r.querySelector('.erp-line-amount').textContent="
            + "l.lineAmount;r.querySelector('.erp-price-rule').textContent=l.priceRule;});f.querySelector('.erp-total').textContent=a.j.total;"
            + "u.textContent='(prices for the changed lines; not saved in the ERP yet)';}).catch(function(){});}"
            + "t.addEventListener('input',function(e){if(e.target.name!=='quantity'&&e.target.name!=='item')return;"
            + "clearTimeout(timer);timer=setTimeout(reprice,400);});})();</script>";

    /** A quote as JSON for the page's script: amounts formatted as the page shows them. */
    private static String quoteJson(PriceQuote quote) {
        StringBuilder json = new StringBuilder("{\"currency\":\"").append(jsonText(quote.currency())).append("\",\"total\":\"")
                .append(jsonText(Amounts.format(quote.total(), quote.currency()))).append("\",\"lines\":[");
        for (int i = 0; i < quote.lines().size(); i++) {
            OrderLine l = quote.lines().get(i);
            json.append(i == 0 ? "" : ",").append("{\"itemNumber\":\"").append(jsonText(l.itemNumber())).append("\",\"unitPrice\":\"")
                    .append(jsonText(Amounts.price(l.unitPrice(), quote.currency()))).append("\",\"discount\":\"")
                    .append(jsonText(l.discountPercent().stripTrailingZeros().toPlainString() + "%")).append("\",\"lineAmount\":\"")
                    .append(jsonText(Amounts.format(l.lineAmount(), quote.currency()))).append("\",\"priceRule\":\"")
                    .append(jsonText(l.priceRule())).append("\"}");
        }
        return json.append("]}").toString();
    }

    private static String jsonText(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : (s == null ? "" : s).toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The page's script asks for JSON with format=json; forms get pages whatever their Accept header says. */
    private static boolean wantsJson(HttpServletRequest request) {
        return "json".equals(request.getParameter("format"));
    }

    private static void json(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }


    private String confirm(HttpServletRequest request, CrmUser user, String record, String customer, String returnTo) throws Refusal {
        String number = required(request, "order");
        // the order must be one of this record's customer: the form's hidden field is the user's to change
        ownOrder(number, customer);
        boolean accept = "true".equals(request.getParameter("acceptCreditWarning"));
        OrderConfirmation result = gateway.confirmOrder(source, number, accept);
        StringBuilder html = new StringBuilder();
        if (result.confirmed()) {
            html.append("<h1 data-confirmed=\"true\">Order ").append(Html.escape(number)).append(" is confirmed in the ERP</h1>");
            return html.toString();
        }
        var warning = result.creditWarning();
        html.append("<h1 data-confirmed=\"false\">Order ").append(Html.escape(number)).append(" is not confirmed yet</h1>")
                .append("<div class=\"erp-banner erp-banner-warning\" role=\"alert\" data-exceeded-by=\"")
                .append(warning == null ? "" : warning.exceededBy().toPlainString()).append("\">")
                .append(Html.escape(warning == null ? "The ERP did not confirm the order." : warning.message())).append("</div>");
        if (warning != null) {
            html.append(form(user, record, returnTo, "confirm"))
                    .append("<input type=\"hidden\" name=\"order\" value=\"").append(Html.escape(number)).append("\">")
                    .append("<input type=\"hidden\" name=\"acceptCreditWarning\" value=\"true\">")
                    .append("<button type=\"submit\">Confirm anyway: the customer goes over its credit limit</button></form>");
        }
        return html.toString();
    }

    private String form(CrmUser user, String record, String returnTo, String action) {
        return "<form method=\"post\" action=\"" + PATH + "\">"
                + (action == null ? "" : "<input type=\"hidden\" name=\"action\" value=\"" + action + "\">")
                + "<input type=\"hidden\" name=\"record\" value=\"" + Html.escape(record) + "\">"
                + "<input type=\"hidden\" name=\"returnTo\" value=\"" + Html.escape(returnTo) + "\">"
                + "<input type=\"hidden\" name=\"" + CsrfTokens.FIELD + "\" value=\"" + Html.escape(csrf.tokenFor(user.id())) + "\">";
    }

    static void table(StringBuilder html, List<OrderLine> lines, String currency) {
        html.append("<table class=\"erp-lines\"><thead><tr><th>Item</th><th>Description</th><th>Quantity</th><th>Unit price</th>")
                .append("<th>Discount</th><th>Amount</th><th>Price rule</th></tr></thead><tbody>");
        for (OrderLine l : lines) {
            html.append("<tr data-line=\"").append(l.lineNumber()).append("\" data-unit-price=\"").append(l.unitPrice().toPlainString())
                    .append("\" data-amount=\"").append(l.lineAmount().toPlainString()).append("\"><td>").append(Html.escape(l.itemNumber()))
                    .append("</td><td>").append(Html.escape(l.description())).append("</td><td>")
                    .append(Html.escape(l.quantity().toPlainString())).append("</td><td>")
                    .append(Html.escape(Amounts.price(l.unitPrice(), currency))).append("</td><td>")
                    .append(Html.escape(l.discountPercent().toPlainString())).append("%</td><td>")
                    .append(Html.escape(Amounts.format(l.lineAmount(), currency))).append("</td><td>").append(Html.escape(l.priceRule()))
                    .append("</td></tr>");
        }
        html.append("</tbody></table>");
    }

    private static String required(HttpServletRequest request, String name) throws Refusal {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            throw new Refusal(400, name + " is required");
        }
        return value.strip();
    }

    private static void page(HttpServletResponse response, int status, String body, String returnTo) throws IOException {
        Page.write(response, status, "Order entry", body, returnTo);
    }
}
