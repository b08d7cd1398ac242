package org.erpinsight.sidecar.adapter.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.erpinsight.sidecar.core.ErpException;
import org.erpinsight.sidecar.core.ErrorCode;
import org.erpinsight.sidecar.core.Item;
import org.erpinsight.sidecar.core.LineRequest;
import org.erpinsight.sidecar.core.OrderLine;
import org.erpinsight.sidecar.core.PriceQuote;

/**
 * The reference ERP's pricing. Rules are kept in DKK per item; a rule applies when its
 * customer group and market are the customer's (or empty), the quantity reaches its minimum
 * and the date lies in its validity. Of the rules that apply, the lowest net price wins; the
 * price is then converted to the customer's currency.
 */
final class PriceList {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Database db;

    PriceList(Database db) {
        this.db = db;
    }

    List<Item> searchItems(String text, int limit) {
        String needle = "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return db.list("SELECT number, name, unit, base_price, currency FROM item WHERE LOWER(number) LIKE ? ESCAPE '!'"
                + " OR LOWER(name) LIKE ? ESCAPE '!' ORDER BY number FETCH FIRST ? ROWS ONLY",
                rs -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5)),
                needle, needle, limit);
    }

    /** What the customer is: the keys its prices depend on. */
    record Customer(String number, String currency, String group, String market, BigDecimal dkkPerUnit) {
    }

    static Customer customer(Connection c, String number) throws SQLException {
        Customer customer = Database.query(c, "SELECT c.number, c.currency, c.customer_group, c.market, r.dkk_per_unit"
                + " FROM customer c JOIN exchange_rate r ON r.currency = c.currency WHERE c.number = ?",
                rs -> new Customer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5)),
                number);
        if (customer == null) {
            throw new ErpException(ErrorCode.CUSTOMER_NOT_FOUND, "No customer with number " + number);
        }
        return customer;
    }

    PriceQuote quote(String customerNumber, LocalDate date, List<LineRequest> lines) {
        return db.read(c -> {
            Customer customer = customer(c, customerNumber);
            List<OrderLine> priced = price(c, customer, date, lines);
            return new PriceQuote(customerNumber, date, customer.currency(), total(priced), priced);
        });
    }

    static BigDecimal total(List<OrderLine> lines) {
        return lines.stream().map(OrderLine::lineAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** Prices each line with the rule that gives the customer the lowest net price on that date. */
    static List<OrderLine> price(Connection c, Customer customer, LocalDate date, List<LineRequest> lines) throws SQLException {
        record Rule(String description, BigDecimal unitPriceDkk, BigDecimal discount, String itemName) {
            BigDecimal net() {
                return unitPriceDkk.multiply(HUNDRED.subtract(discount));
            }
        }
        List<OrderLine> priced = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineRequest line = lines.get(i);
            List<Rule> rules = Database.list(c, "SELECT r.description, r.unit_price, r.discount_percent, i.name"
                    + " FROM price_rule r JOIN item i ON i.number = r.item_number"
                    + " WHERE r.item_number = ? AND r.min_quantity <= ?"
                    + " AND (r.customer_group IS NULL OR r.customer_group = ?) AND (r.market IS NULL OR r.market = ?)"
                    + " AND (r.valid_from IS NULL OR r.valid_from <= ?) AND (r.valid_to IS NULL OR r.valid_to >= ?)",
                    rs -> new Rule(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getString(4)),
                    line.itemNumber(), line.quantity(), customer.group(), customer.market(), date, date);
            if (rules.isEmpty()) {
                boolean exists = Database.query(c, "SELECT 1 FROM item WHERE number = ?", rs -> true, line.itemNumber()) != null;
                throw new ErpException(ErrorCode.ITEM_NOT_FOUND, "line " + (i + 1) + ": "
                        + (exists ? "item " + line.itemNumber() + " has no price" : "no item " + line.itemNumber()));
            }
            Rule best = rules.get(0);
            for (Rule rule : rules) {
                if (rule.net().compareTo(best.net()) < 0) {
                    best = rule;
                }
            }
            BigDecimal unitPrice = best.unitPriceDkk().divide(customer.dkkPerUnit(), 2, RoundingMode.HALF_UP);
            BigDecimal amount = unitPrice.multiply(line.quantity())
                    .multiply(HUNDRED.subtract(best.discount())).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            priced.add(new OrderLine(i + 1, line.itemNumber(), best.itemName(), line.quantity(), unitPrice,
                    best.discount().stripTrailingZeros().scale() < 0 ? best.discount().setScale(0) : best.discount().stripTrailingZeros(),
                    amount, best.description()));
        }
        return priced;
    }
}
