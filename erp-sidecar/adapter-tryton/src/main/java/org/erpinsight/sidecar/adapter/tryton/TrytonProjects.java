package org.erpinsight.sidecar.adapter.tryton;

import static org.erpinsight.sidecar.adapter.tryton.TrytonClient.decimal;
import static org.erpinsight.sidecar.adapter.tryton.TrytonClient.duration;
import static org.erpinsight.sidecar.adapter.tryton.TrytonClient.list;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.erpinsight.sidecar.core.PartyKind;
import org.erpinsight.sidecar.core.ProjectOverview;
import org.erpinsight.sidecar.core.ProjectSummary;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Projects are Tryton project works of type project. Tryton 6.0 gives a project no number of its
 * own, so companies write it into the name ("PRJ-1042 Lagerautomatisering"): the number is what
 * {@code tryton.project.number.pattern} finds there (by default the first word holding a digit),
 * else the whole name; it stays the same across restarts as long as the name does. Hours and
 * their cost come from the timesheet lines on the project's tree; expenses are the purchase
 * lines linked to it (Tryton 6.0 has no expense module) in confirmed, processing or done
 * purchases, travel being those whose item code or product category is configured as travel;
 * the budget is the planned revenue (effort at the project's list price); invoiced and not yet
 * invoiced are Tryton's own amounts.
 */
final class TrytonProjects {
    private final TrytonClient tryton;
    private final TrytonParties parties;
    private final TrytonSettings.Expenses expenses;
    private final Pattern numberPattern;
    private final Clock clock;
    private volatile Set<Integer> travelCategoryIds;

    TrytonProjects(TrytonClient tryton, TrytonParties parties, TrytonSettings.Expenses expenses, Pattern numberPattern, Clock clock) {
        this.tryton = tryton;
        this.parties = parties;
        this.expenses = expenses;
        this.numberPattern = numberPattern;
        this.clock = clock;
    }

    /** The number a user sees in the project's name. */
    String number(String name) {
        Matcher m = numberPattern.matcher(name);
        return m.find() && m.group(1) != null && !m.group(1).isBlank() ? m.group(1).strip() : name.strip();
    }

    Optional<List<ProjectSummary>> projects(String customerNumber) {
        return parties.find(PartyKind.CUSTOMER, customerNumber).map(found -> {
            List<ProjectSummary> projects = new ArrayList<>();
            for (JsonNode work : tryton.model("project.work", "search_read", list(list("party", "=", found.id()),
                    list("type", "=", "project")), 0, null, list(list("name", "ASC"), list("id", "ASC")), list("name", "status.name"))) {
                projects.add(new ProjectSummary(number(work.get("name").asText()), work.get("name").asText(), customerNumber,
                        work.path("status.").path("name").asText("Open")));
            }
            return projects;
        });
    }

    /** Projects whose name (and so number) holds the text. */
    List<ProjectSummary> search(String text, int limit) {
        List<ProjectSummary> found = new ArrayList<>();
        for (JsonNode work : tryton.model("project.work", "search_read", list(list("type", "=", "project"),
                list("name", "ilike", containing(text))), 0, limit, list(list("name", "ASC"), list("id", "ASC")),
                list("name", "status.name", "party.code"))) {
            found.add(new ProjectSummary(number(work.get("name").asText()), work.get("name").asText(),
                    work.path("party.").path("code").asText(""), work.path("status.").path("name").asText("Open")));
        }
        return found;
    }

    /** A LIKE pattern that finds the number in a name; its wildcards match any one character (escaping differs by database). */
    private static String containing(String text) {
        return "%" + text.replaceAll("[%_\\\\]", "_") + "%";
    }

    Optional<ProjectOverview> overview(String number) {
        JsonNode project = null;
        for (JsonNode candidate : tryton.model("project.work", "search_read", list(list("type", "=", "project"),
                list("name", "ilike", containing(number))), 0, 50, list(list("id", "ASC")),
                list("name", "party.code", "revenue", "invoiced_amount", "amount_to_invoice"))) {
            if (number(candidate.get("name").asText()).equals(number)) {
                project = candidate;
                break;
            }
        }
        if (project == null) {
            return Optional.empty();
        }
        int id = project.get("id").asInt();
        List<Integer> timesheetWorks = new ArrayList<>();
        List<Integer> works = new ArrayList<>();
        for (JsonNode work : tryton.model("project.work", "search_read", list("OR", list("id", "=", id), list("parent", "child_of", list(id))), 0, null,
                null, list("timesheet_works"))) {
            works.add(work.get("id").asInt());
            work.path("timesheet_works").forEach(t -> timesheetWorks.add(t.asInt()));
        }
        BigDecimal hours = BigDecimal.ZERO;
        BigDecimal hoursCost = BigDecimal.ZERO;
        for (JsonNode line : tryton.model("timesheet.line", "search_read", list(list("work", "in", timesheetWorks)), 0, null, null,
                list("duration", "cost_price"))) {
            BigDecimal h = BigDecimal.valueOf(duration(line.get("duration")).toSeconds()).divide(BigDecimal.valueOf(3600), 4,
                    RoundingMode.HALF_UP);
            hours = hours.add(h);
            BigDecimal cost = decimal(line.get("cost_price"));
            hoursCost = hoursCost.add(h.multiply(cost == null ? BigDecimal.ZERO : cost));
        }
        BigDecimal travel = BigDecimal.ZERO;
        BigDecimal other = BigDecimal.ZERO;
        for (JsonNode line : tryton.model("purchase.line", "search_read", list(list("work", "in", works),
                list("purchase.state", "in", list("confirmed", "processing", "done"))), 0, null, null,
                list("amount", "product.code", "product.template.categories"))) {
            BigDecimal amount = decimal(line.get("amount"));
            if (isTravel(line)) {
                travel = travel.add(amount);
            } else {
                other = other.add(amount);
            }
        }
        BigDecimal invoiced = TrytonLedgers.money(decimal(project.get("invoiced_amount")));
        BigDecimal toInvoice = TrytonLedgers.money(decimal(project.get("amount_to_invoice")));
        BigDecimal cost = hoursCost.add(travel).add(other);
        return Optional.of(new ProjectOverview(number, project.get("name").asText(), project.path("party.").path("code").asText(),
                parties.currency(), TrytonLedgers.money(decimal(project.get("revenue"))), hours.setScale(2, RoundingMode.HALF_UP),
                TrytonLedgers.money(hoursCost), TrytonLedgers.money(travel), TrytonLedgers.money(other), invoiced, toInvoice,
                TrytonLedgers.money(invoiced.add(toInvoice).subtract(cost)), clock.instant()));
    }

    private boolean isTravel(JsonNode purchaseLine) {
        JsonNode product = purchaseLine.path("product.");
        if (expenses.travelCodes().contains(product.path("code").asText())) {
            return true;
        }
        Set<Integer> travelCategories = travelCategoryIds();
        for (JsonNode category : product.path("template.").path("categories")) {
            if (travelCategories.contains(category.asInt())) {
                return true;
            }
        }
        return false;
    }

    /** The configured travel categories and their subcategories (read once: categories rarely change). */
    private Set<Integer> travelCategoryIds() {
        Set<Integer> ids = travelCategoryIds;
        if (ids == null) {
            Set<Integer> found = new HashSet<>();
            if (!expenses.travelCategories().isEmpty()) {
                JsonNode named = tryton.model("product.category", "search", list(list("name", "in", expenses.travelCategories())), 0,
                        null, null);
                if (!named.isEmpty()) {
                    List<Integer> roots = new ArrayList<>();
                    named.forEach(id -> roots.add(id.asInt()));
                    found.addAll(roots);
                    tryton.model("product.category", "search", list(list("parent", "child_of", roots)), 0, null, null)
                            .forEach(id -> found.add(id.asInt()));
                }
            }
            ids = Set.copyOf(found);
            travelCategoryIds = ids;
        }
        return ids;
    }
}
