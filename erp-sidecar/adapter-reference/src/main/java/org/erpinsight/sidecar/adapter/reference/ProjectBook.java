package org.erpinsight.sidecar.adapter.reference;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.erpinsight.sidecar.core.ProjectOverview;
import org.erpinsight.sidecar.core.ProjectSummary;

/**
 * Projects with the hours and expenses registered on them. Billable value is hours at the
 * project's rate plus expenses; cost is hours at each registration's cost plus expenses.
 */
final class ProjectBook {
    private final Database db;
    private final Clock clock;

    ProjectBook(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Optional<List<ProjectSummary>> projects(String customerNumber) {
        return db.read(c -> {
            if (Database.query(c, "SELECT 1 FROM customer WHERE number = ?", rs -> true, customerNumber) == null) {
                return Optional.empty();
            }
            return Optional.of(Database.list(c, "SELECT number, name, customer_number, status FROM project"
                    + " WHERE customer_number = ? ORDER BY number",
                    rs -> new ProjectSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), customerNumber));
        });
    }

    /** Projects whose number or name holds the text, in any case. */
    List<ProjectSummary> search(String text, int limit) {
        String like = "%" + text.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return db.list("SELECT number, name, customer_number, status FROM project WHERE LOWER(number) LIKE ? ESCAPE '!'"
                + " OR LOWER(name) LIKE ? ESCAPE '!' ORDER BY number FETCH FIRST " + limit + " ROWS ONLY",
                rs -> new ProjectSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), like, like);
    }

    Optional<ProjectOverview> overview(String number) {
        return db.read(c -> {
            record Project(String name, String customer, BigDecimal budget, BigDecimal rate, String currency) {
            }
            Project p = Database.query(c, "SELECT p.name, p.customer_number, p.budget, p.hourly_rate, c.currency FROM project p"
                    + " JOIN customer c ON c.number = p.customer_number WHERE p.number = ?",
                    rs -> new Project(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getString(5)),
                    number);
            if (p == null) {
                return Optional.empty();
            }
            BigDecimal hours = sum(c, "SELECT SUM(hours) FROM time_entry WHERE project_number = ?", number);
            BigDecimal hoursCost = sum(c, "SELECT SUM(hours * hourly_cost) FROM time_entry WHERE project_number = ?", number);
            BigDecimal hoursInvoiced = sum(c, "SELECT SUM(hours) FROM time_entry WHERE project_number = ? AND invoiced", number);
            BigDecimal travel = sum(c, "SELECT SUM(amount) FROM expense WHERE project_number = ? AND kind = 'TRAVEL'", number);
            BigDecimal other = sum(c, "SELECT SUM(amount) FROM expense WHERE project_number = ? AND kind <> 'TRAVEL'", number);
            BigDecimal expensesInvoiced = sum(c, "SELECT SUM(amount) FROM expense WHERE project_number = ? AND invoiced", number);
            BigDecimal expenses = travel.add(other);
            BigDecimal billable = hours.multiply(p.rate()).add(expenses);
            BigDecimal invoiced = hoursInvoiced.multiply(p.rate()).add(expensesInvoiced);
            BigDecimal cost = hoursCost.add(expenses);
            return Optional.of(new ProjectOverview(number, p.name(), p.customer(), p.currency(), p.budget(), hours,
                    money(hoursCost), travel, other, money(invoiced), money(billable.subtract(invoiced)),
                    money(billable.subtract(cost)), clock.instant()));
        });
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static BigDecimal sum(Connection c, String sql, Object... args) throws SQLException {
        BigDecimal value = Database.query(c, sql, rs -> rs.getBigDecimal(1), args);
        return value == null ? BigDecimal.ZERO.setScale(2) : value;
    }
}
