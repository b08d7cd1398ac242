package org.erpinsight.sidecar.adapter.reference;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.erpinsight.sidecar.core.CreditWarning;
import org.erpinsight.sidecar.core.ErpException;
import org.erpinsight.sidecar.core.ErrorCode;
import org.erpinsight.sidecar.core.LineRequest;
import org.erpinsight.sidecar.core.Order;
import org.erpinsight.sidecar.core.OrderConfirmation;
import org.erpinsight.sidecar.core.OrderLine;
import org.erpinsight.sidecar.core.OrderPage;
import org.erpinsight.sidecar.core.OrderStatus;
import org.erpinsight.sidecar.core.WriteRequest;

/**
 * Sales orders: drafts priced by the price list, changed, and confirmed against the customer's
 * credit limit. An order's idempotency key is a column of the order itself.
 */
final class OrderBook {
    private static final String ORDER_COLUMNS = "id, number, customer_number, order_date, status, currency, reference";

    private final Database db;
    private final Clock clock;

    OrderBook(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    private record Head(int id, String number, String customerNumber, LocalDate orderDate, OrderStatus status,
                        String currency, String reference) {
    }

    private static Head head(java.sql.ResultSet rs) throws SQLException {
        return new Head(rs.getInt("id"), rs.getString("number"), rs.getString("customer_number"),
                rs.getDate("order_date").toLocalDate(), OrderStatus.valueOf(rs.getString("status")), rs.getString("currency"),
                rs.getString("reference"));
    }

    private static Order order(Connection c, Head head) throws SQLException {
        List<OrderLine> lines = Database.list(c, "SELECT l.line_no, l.item_number, i.name, l.quantity, l.unit_price,"
                + " l.discount_percent, l.amount, l.price_rule FROM order_line l JOIN item i ON i.number = l.item_number"
                + " WHERE l.order_id = ? ORDER BY l.line_no",
                rs -> new OrderLine(rs.getInt(1), rs.getString(2), rs.getString(3), plain(rs.getBigDecimal(4)),
                        rs.getBigDecimal(5), plain(rs.getBigDecimal(6)), rs.getBigDecimal(7), rs.getString(8)), head.id());
        return new Order(head.number(), head.customerNumber(), head.orderDate(), head.status(), head.currency(),
                PriceList.total(lines), head.reference(), lines);
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    Optional<OrderPage> orders(String customerNumber, int offset, int limit) {
        return db.read(c -> {
            if (Database.query(c, "SELECT 1 FROM customer WHERE number = ?", rs -> true, customerNumber) == null) {
                return Optional.empty();
            }
            int total = Database.query(c, "SELECT COUNT(*) FROM sales_order WHERE customer_number = ?", rs -> rs.getInt(1),
                    customerNumber);
            List<Head> heads = Database.list(c, "SELECT " + ORDER_COLUMNS + " FROM sales_order WHERE customer_number = ?"
                    + " ORDER BY order_date DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", OrderBook::head,
                    customerNumber, offset, limit);
            List<Order> orders = new ArrayList<>();
            for (Head head : heads) {
                orders.add(order(c, head));
            }
            return Optional.of(new OrderPage(offset, limit, total, orders));
        });
    }

    Optional<Order> order(String number) {
        return db.read(c -> {
            Head head = Database.query(c, "SELECT " + ORDER_COLUMNS + " FROM sales_order WHERE number = ?", OrderBook::head, number);
            return head == null ? Optional.empty() : Optional.of(order(c, head));
        });
    }

    Order create(String customerNumber, String reference, List<LineRequest> lines, WriteRequest write) {
        try {
            return db.transaction(c -> {
                Optional<Order> replay = replay(c, write);
                if (replay.isPresent()) {
                    return replay.get();
                }
                PriceList.Customer customer = PriceList.customer(c, customerNumber);
                LocalDate today = LocalDate.now(clock);
                List<OrderLine> priced = PriceList.price(c, customer, today, lines);
                int id = Database.query(c, "VALUES NEXT VALUE FOR order_seq", rs -> rs.getInt(1));
                String number = "SO-" + id;
                Database.update(c, "INSERT INTO sales_order (id, number, customer_number, order_date, status, reference, currency,"
                        + " idempotency_key, request_fingerprint) VALUES (?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?)", id, number,
                        customerNumber, today, reference, customer.currency(), write.idempotencyKey(), write.fingerprint());
                insertLines(c, id, priced);
                return order(c, new Head(id, number, customerNumber, today, OrderStatus.DRAFT, customer.currency(), reference));
            });
        } catch (ErpException e) {
            // the same key sent twice at once: the second insert loses on the unique key and answers the first order
            if (e.getCause() instanceof SQLException sql && Database.isDuplicateKey(sql)) {
                return db.read(c -> replay(c, write)).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private static Optional<Order> replay(Connection c, WriteRequest write) throws SQLException {
        record Earlier(Head head, String fingerprint) {
        }
        Earlier earlier = Database.query(c, "SELECT " + ORDER_COLUMNS + ", request_fingerprint FROM sales_order"
                + " WHERE idempotency_key = ?", rs -> new Earlier(head(rs), rs.getString("request_fingerprint")),
                write.idempotencyKey());
        if (earlier == null) {
            return Optional.empty();
        }
        if (!earlier.fingerprint().equals(write.fingerprint())) {
            throw new ErpException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "This idempotency key was used for another request"
                    + " (it created order " + earlier.head().number() + ")");
        }
        return Optional.of(order(c, earlier.head()));
    }

    private static void insertLines(Connection c, int orderId, List<OrderLine> lines) throws SQLException {
        for (OrderLine line : lines) {
            Database.update(c, "INSERT INTO order_line (order_id, line_no, item_number, quantity, unit_price, discount_percent,"
                    + " amount, price_rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", orderId, line.lineNumber(), line.itemNumber(),
                    line.quantity(), line.unitPrice(), line.discountPercent(), line.lineAmount(), line.priceRule());
        }
    }

    /** The order's head, with its row locked until the transaction ends so that changes to one order queue up. */
    private static Head lockedOrder(Connection c, String number) throws SQLException {
        Database.update(c, "UPDATE sales_order SET status = status WHERE number = ?", number);
        Head head = Database.query(c, "SELECT " + ORDER_COLUMNS + " FROM sales_order WHERE number = ?", OrderBook::head, number);
        if (head == null) {
            throw new ErpException(ErrorCode.ORDER_NOT_FOUND, "No order with number " + number);
        }
        return head;
    }

    Order replaceLines(String number, List<LineRequest> lines) {
        return db.transaction(c -> {
            Head head = lockedOrder(c, number);
            if (head.status() != OrderStatus.DRAFT) {
                throw new ErpException(ErrorCode.ORDER_NOT_DRAFT, "Order " + number + " is confirmed; its lines cannot change");
            }
            List<OrderLine> priced = PriceList.price(c, PriceList.customer(c, head.customerNumber()), LocalDate.now(clock), lines);
            Database.update(c, "DELETE FROM order_line WHERE order_id = ?", head.id());
            insertLines(c, head.id(), priced);
            return order(c, head);
        });
    }

    OrderConfirmation confirm(String number, boolean acceptCreditWarning) {
        return db.transaction(c -> {
            Head head = lockedOrder(c, number);
            Order order = order(c, head);
            if (head.status() == OrderStatus.CONFIRMED) {
                return new OrderConfirmation(true, order, null);
            }
            CreditWarning warning = creditWarning(c, head.customerNumber(), order.total());
            if (warning != null && !acceptCreditWarning) {
                return new OrderConfirmation(false, order, warning);
            }
            Database.update(c, "UPDATE sales_order SET status = 'CONFIRMED' WHERE id = ?", head.id());
            Head confirmed = new Head(head.id(), head.number(), head.customerNumber(), head.orderDate(), OrderStatus.CONFIRMED,
                    head.currency(), head.reference());
            return new OrderConfirmation(true, order(c, confirmed), warning);
        });
    }

    /** Open invoices plus confirmed orders plus this one, against the limit; null when within it or without a limit. */
    private static CreditWarning creditWarning(Connection c, String customerNumber, BigDecimal orderTotal) throws SQLException {
        BigDecimal limit = Database.query(c, "SELECT credit_limit FROM customer WHERE number = ?", rs -> rs.getBigDecimal(1),
                customerNumber);
        if (limit == null) {
            // the ERP sets no limit for this customer: nothing to warn about
            return null;
        }
        BigDecimal open = Database.query(c, "SELECT SUM(amount - paid_amount) FROM invoice WHERE customer_number = ?"
                + " AND amount > paid_amount", rs -> rs.getBigDecimal(1), customerNumber);
        BigDecimal used = (open == null ? BigDecimal.ZERO : open).add(Ledgers.confirmedNotInvoiced(c, customerNumber));
        BigDecimal exceededBy = used.add(orderTotal).subtract(limit);
        if (exceededBy.signum() <= 0) {
            return null;
        }
        return new CreditWarning(limit, used.setScale(2), orderTotal, exceededBy.setScale(2),
                "Confirming this order takes the customer " + exceededBy.setScale(2).toPlainString()
                        + " over its credit limit of " + limit.toPlainString());
    }
}
