package org.erpinsight.sidecar.adapter.tryton;

import static org.erpinsight.sidecar.adapter.tryton.TrytonClient.date;
import static org.erpinsight.sidecar.adapter.tryton.TrytonClient.decimal;
import static org.erpinsight.sidecar.adapter.tryton.TrytonClient.list;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.erpinsight.sidecar.core.CreditWarning;
import org.erpinsight.sidecar.core.ErpException;
import org.erpinsight.sidecar.core.ErrorCode;
import org.erpinsight.sidecar.core.Item;
import org.erpinsight.sidecar.core.LineRequest;
import org.erpinsight.sidecar.core.Order;
import org.erpinsight.sidecar.core.OrderConfirmation;
import org.erpinsight.sidecar.core.OrderLine;
import org.erpinsight.sidecar.core.OrderPage;
import org.erpinsight.sidecar.core.OrderStatus;
import org.erpinsight.sidecar.core.PartyKind;
import org.erpinsight.sidecar.core.PriceQuote;
import org.erpinsight.sidecar.core.WriteRequest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Items, prices and sales in Tryton. Prices are Tryton's own: the product's sale price asked
 * with the customer, its price list, the quantity and the date in the context; the rule named is
 * the first price list line that matches, the way Tryton picks it. A sale made for the CRM keeps
 * the idempotency key in its reference and the request fingerprint in its comment.
 */
final class TrytonSales {
    private static final String FINGERPRINT = "erpinsight-request ";
    private static final List<String> SALE_FIELDS = List.of("number", "party.code", "sale_date", "state", "currency.code",
            "reference", "description", "comment", "lines");
    private static final List<String> LINE_FIELDS = List.of("sequence", "product.code", "product.name", "description",
            "quantity", "unit_price", "amount", "type");

    private final TrytonClient tryton;
    private final TrytonParties parties;
    private final Clock clock;
    private volatile Integer priceDigits;

    TrytonSales(TrytonClient tryton, TrytonParties parties, Clock clock) {
        this.tryton = tryton;
        this.parties = parties;
        this.clock = clock;
    }

    List<Item> searchItems(String text, int limit) {
        List<Object> domain = text.isEmpty() ? list() : list("OR", list("code", "ilike", "%" + text + "%"),
                list("name", "ilike", "%" + text + "%"));
        List<Item> items = new ArrayList<>();
        for (JsonNode p : tryton.model("product.product", "search_read", list(list("salable", "=", true), domain), 0, limit,
                list(list("code", "ASC")), list("code", "name", "list_price", "default_uom.symbol"))) {
            items.add(new Item(p.path("code").asText(), p.path("name").asText(), p.path("default_uom.").path("symbol").asText(),
                    TrytonLedgers.money(decimal(p.get("list_price"))), parties.currency()));
        }
        return items;
    }

    /** The customer as pricing and sales need it: party id, price list, address and payment term. */
    private record Customer(int id, Integer priceList, String priceListName, Integer address, Integer paymentTerm) {
    }

    private Customer customer(String number) {
        TrytonParties.Found found = parties.find(PartyKind.CUSTOMER, number)
                .orElseThrow(() -> new ErpException(ErrorCode.CUSTOMER_NOT_FOUND, "No customer with number " + number));
        JsonNode row = tryton.model("party.party", "read", list(found.id()), list("sale_price_list", "sale_price_list.name",
                "addresses", "customer_payment_term")).get(0);
        return new Customer(found.id(), id(row.path("sale_price_list")), row.path("sale_price_list.").path("name").asText(null),
                id(row.path("addresses").path(0)), id(row.path("customer_payment_term")));
    }

    private static Integer id(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asInt();
    }

    PriceQuote quote(String customerNumber, LocalDate date, List<LineRequest> lines) {
        Customer customer = customer(customerNumber);
        List<OrderLine> priced = price(customer, date, lines);
        return new PriceQuote(customerNumber, date, parties.currency(), total(priced), priced);
    }

    /** The digits of a sale line's unit price in this Tryton (4 unless its price_decimal says otherwise). */
    private int priceDigits() {
        Integer digits = priceDigits;
        if (digits == null) {
            String declared = tryton.model("sale.line", "fields_get", list("unit_price")).path("unit_price").path("digits").asText("");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\[\\s*\\d+\\s*,\\s*(\\d+)\\s*\\]$").matcher(declared);
            digits = m.find() ? Integer.valueOf(m.group(1)) : 4;
            priceDigits = digits;
        }
        return digits;
    }

    /**
     * A unit price with all the digits Tryton keeps (four by default, its price_decimal), at
     * least two: 108.3000 is 108.30, 11.72832 was already rounded by Tryton to 11.7283.
     */
    static BigDecimal unitPrice(BigDecimal value) {
        if (value == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() < 2 ? plain.setScale(2) : plain;
    }

    private static BigDecimal total(List<OrderLine> lines) {
        return lines.stream().map(OrderLine::lineAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** A product by code: id, name and unit. */
    private record Product(int id, String code, String name, int uom) {
    }

    private Product product(int lineNumber, String code) {
        JsonNode found = tryton.model("product.product", "search_read", list(list("code", "=", code), list("salable", "=", true)),
                0, 1, null, list("code", "name", "sale_uom"));
        if (found.isEmpty()) {
            throw new ErpException(ErrorCode.ITEM_NOT_FOUND, "line " + lineNumber + ": no item " + code);
        }
        JsonNode p = found.get(0);
        return new Product(p.get("id").asInt(), code, p.get("name").asText(), p.get("sale_uom").asInt());
    }

    private List<OrderLine> price(Customer customer, LocalDate date, List<LineRequest> lines) {
        JsonNode rules = customer.priceList() == null ? null : tryton.model("product.price_list.line", "search_read",
                list(list("price_list", "=", customer.priceList())), 0, null, list(list("sequence", "ASC"), list("id", "ASC")),
                list("product", "category", "quantity", "formula", "start_date", "end_date"));
        List<OrderLine> priced = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineRequest line = lines.get(i);
            Product product = product(i + 1, line.itemNumber());
            Map<String, Object> context = new HashMap<>();
            tryton.context().fields().forEachRemaining(e -> context.put(e.getKey(), e.getValue()));
            context.put("customer", customer.id());
            if (customer.priceList() != null) {
                context.put("price_list", customer.priceList());
            }
            context.put("quantity", line.quantity().doubleValue());
            context.put("sale_date", date);
            context.put("date", date);
            context.put("uom", product.uom());
            JsonNode price = tryton.modelIn(context, "product.product", "read", list(product.id()), list("sale_price_uom"));
            // Tryton rounds the price it puts on a sale line to its price digits, half-even (round_price)
            BigDecimal unitPrice = unitPrice(decimal(price.get(0).get("sale_price_uom")).setScale(priceDigits(), RoundingMode.HALF_EVEN));
            // as Tryton computes a sale line: quantity times the unit price, rounded to the currency half-even
            BigDecimal amount = unitPrice.multiply(line.quantity()).setScale(2, RoundingMode.HALF_EVEN);
            priced.add(new OrderLine(i + 1, product.code(), product.name(), line.quantity(), unitPrice, BigDecimal.ZERO, amount,
                    rule(rules, customer, product, line.quantity(), date)));
        }
        return priced;
    }

    /** Which price list line Tryton applied: the first that matches product, quantity and date. */
    private static String rule(JsonNode rules, Customer customer, Product product, BigDecimal quantity, LocalDate date) {
        if (rules == null) {
            return "List price";
        }
        for (JsonNode r : rules) {
            boolean productMatches = r.path("product").isNull() || r.path("product").asInt() == product.id();
            boolean quantityMatches = r.path("quantity").isNull() || quantity.doubleValue() >= r.path("quantity").asDouble();
            LocalDate from = date(r.get("start_date"));
            LocalDate to = date(r.get("end_date"));
            boolean dateMatches = (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
            if (r.path("category").isNull() && productMatches && quantityMatches && dateMatches) {
                StringBuilder text = new StringBuilder(customer.priceListName() == null ? "Price list" : customer.priceListName());
                if (from != null || to != null) {
                    text.append(": promotion ").append(from == null ? "" : from).append("..").append(to == null ? "" : to);
                } else if (!r.path("quantity").isNull()) {
                    text.append(": quantity ").append(BigDecimal.valueOf(r.path("quantity").asDouble()).stripTrailingZeros().toPlainString())
                            .append('+');
                } else {
                    text.append(": ").append(r.path("formula").asText());
                }
                return text.toString();
            }
        }
        return "List price";
    }

    Optional<OrderPage> orders(String customerNumber, int offset, int limit) {
        return parties.find(PartyKind.CUSTOMER, customerNumber).map(found -> {
            List<Object> domain = list(list("party", "=", found.id()));
            int total = tryton.model("sale.sale", "search_count", domain).asInt();
            List<Order> orders = new ArrayList<>();
            for (JsonNode sale : tryton.model("sale.sale", "search_read", domain, offset, limit,
                    list(list("sale_date", "DESC"), list("id", "DESC")), SALE_FIELDS)) {
                orders.add(order(sale));
            }
            return new OrderPage(offset, limit, total, orders);
        });
    }

    /** Drafts have no number in Tryton yet: the contract calls them by their id. */
    static String number(JsonNode sale) {
        String number = sale.path("number").asText("");
        return number.isEmpty() || "null".equals(number) ? "D-" + sale.get("id").asInt() : number;
    }

    private Order order(JsonNode sale) {
        List<OrderLine> lines = new ArrayList<>();
        int n = 0;
        for (JsonNode line : tryton.model("sale.line", "read", sale.get("lines"), LINE_FIELDS)) {
            if (!"line".equals(line.path("type").asText("line"))) {
                continue;
            }
            BigDecimal quantity = decimal(line.get("quantity"));
            BigDecimal plain = quantity == null ? BigDecimal.ZERO : quantity.stripTrailingZeros();
            lines.add(new OrderLine(++n, line.path("product.").path("code").asText(), line.path("product.").path("name").asText(),
                    plain.scale() < 0 ? plain.setScale(0) : plain, unitPrice(decimal(line.get("unit_price"))),
                    BigDecimal.ZERO, TrytonLedgers.money(decimal(line.get("amount"))), "Tryton sale price"));
        }
        String state = sale.get("state").asText();
        OrderStatus status = state.equals("confirmed") || state.equals("processing") || state.equals("done")
                ? OrderStatus.CONFIRMED : OrderStatus.DRAFT;
        String description = sale.path("description").asText(null);
        return new Order(number(sale), sale.path("party.").path("code").asText(), date(sale.get("sale_date")), status,
                sale.path("currency.").path("code").asText(), total(lines), description == null || description.isEmpty() ? null : description,
                lines);
    }

    private Optional<JsonNode> sale(String number) {
        List<Object> domain = number.startsWith("D-") && number.substring(2).matches("[0-9]{1,9}")
                ? list(list("id", "=", Integer.parseInt(number.substring(2))))
                : list(list("number", "=", number));
        JsonNode found = tryton.model("sale.sale", "search_read", domain, 0, 1, null, SALE_FIELDS);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    Optional<Order> order(String number) {
        return sale(number).map(this::order);
    }

    Order create(String customerNumber, String reference, List<LineRequest> lines, WriteRequest write) {
        JsonNode earlier = tryton.model("sale.sale", "search_read", list(list("reference", "=", write.idempotencyKey())), 0, 1,
                null, SALE_FIELDS);
        if (!earlier.isEmpty()) {
            if (!(FINGERPRINT + write.fingerprint()).equals(earlier.get(0).path("comment").asText())) {
                throw new ErpException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "This idempotency key was used for another request"
                        + " (it created order " + number(earlier.get(0)) + ")");
            }
            return order(earlier.get(0));
        }
        Customer customer = customer(customerNumber);
        LocalDate today = LocalDate.now(clock);
        List<OrderLine> priced = price(customer, today, lines);
        Map<String, Object> values = new HashMap<>();
        values.put("party", customer.id());
        // what the desktop client fills in from the party when a sale is made by hand
        if (customer.address() != null) {
            values.put("invoice_address", customer.address());
            values.put("shipment_address", customer.address());
        }
        if (customer.paymentTerm() != null) {
            values.put("payment_term", customer.paymentTerm());
        }
        values.put("sale_date", today);
        values.put("reference", write.idempotencyKey());
        values.put("comment", FINGERPRINT + write.fingerprint());
        if (reference != null) {
            values.put("description", reference);
        }
        values.put("lines", list(list("create", lineValues(priced))));
        int id = tryton.model("sale.sale", "create", list(values)).get(0).asInt();
        return order(tryton.model("sale.sale", "read", list(id), SALE_FIELDS).get(0));
    }

    private List<Object> lineValues(List<OrderLine> priced) {
        List<Object> values = new ArrayList<>();
        for (OrderLine line : priced) {
            Product product = product(line.lineNumber(), line.itemNumber());
            Map<String, Object> v = new HashMap<>();
            v.put("type", "line");
            v.put("product", product.id());
            v.put("unit", product.uom());
            v.put("quantity", line.quantity().doubleValue());
            v.put("unit_price", line.unitPrice());
            v.put("description", product.name());
            values.add(v);
        }
        return values;
    }

    Order replaceLines(String number, List<LineRequest> lines) {
        JsonNode sale = sale(number).orElseThrow(() -> new ErpException(ErrorCode.ORDER_NOT_FOUND, "No order with number " + number));
        if (!"draft".equals(sale.get("state").asText())) {
            throw new ErpException(ErrorCode.ORDER_NOT_DRAFT, "Order " + number + " is no longer a draft in Tryton");
        }
        Customer customer = customer(sale.path("party.").path("code").asText());
        List<OrderLine> priced = price(customer, LocalDate.now(clock), lines);
        tryton.model("sale.sale", "write", list(sale.get("id").asInt()),
                Map.of("lines", list(list("delete", sale.get("lines")), list("create", lineValues(priced)))));
        return order(tryton.model("sale.sale", "read", list(sale.get("id").asInt()), SALE_FIELDS).get(0));
    }

    /**
     * Quotes and confirms the sale. Tryton's credit limit check raises a user warning on
     * confirmation: unless accepted, the sale goes back to draft and the warning is answered;
     * accepted, it is recorded for the user (as the desktop client does) and confirmation repeated.
     */
    OrderConfirmation confirm(String number, boolean accept) {
        JsonNode sale = sale(number).orElseThrow(() -> new ErpException(ErrorCode.ORDER_NOT_FOUND, "No order with number " + number));
        int id = sale.get("id").asInt();
        String state = sale.get("state").asText();
        if (!state.equals("draft") && !state.equals("quotation")) {
            return new OrderConfirmation(true, order(sale), null);
        }
        if (state.equals("draft")) {
            tryton.model("sale.sale", "quote", list(id));
        }
        CreditWarning warning = null;
        try {
            tryton.model("sale.sale", "confirm", list(id));
        } catch (TrytonClient.Warning w) {
            warning = creditWarning(sale, w.getMessage());
            if (!accept) {
                tryton.model("sale.sale", "draft", list(id));
                return new OrderConfirmation(false, order(tryton.model("sale.sale", "read", list(id), SALE_FIELDS).get(0)), warning);
            }
            tryton.model("res.user.warning", "create", list(Map.of("user", tryton.userId(), "name", w.name, "always", false)));
            tryton.model("sale.sale", "confirm", list(id));
        }
        return new OrderConfirmation(true, order(tryton.model("sale.sale", "read", list(id), SALE_FIELDS).get(0)), warning);
    }

    private CreditWarning creditWarning(JsonNode sale, String message) {
        TrytonParties.Found customer = parties.find(PartyKind.CUSTOMER, sale.path("party.").path("code").asText()).orElseThrow();
        JsonNode figures = tryton.model("party.party", "read", list(customer.id()), list("credit_limit_amount", "credit_amount")).get(0);
        BigDecimal limit = TrytonLedgers.money(decimal(figures.get("credit_limit_amount")));
        BigDecimal used = TrytonLedgers.money(decimal(figures.get("credit_amount")));
        BigDecimal total = order(sale).total();
        return new CreditWarning(limit, used, total, used.add(total).subtract(limit).max(BigDecimal.ZERO.setScale(2)), message);
    }
}
