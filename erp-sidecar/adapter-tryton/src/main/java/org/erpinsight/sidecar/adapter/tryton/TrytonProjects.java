package org.erpinsight.sidecar.adapter.tryton;

import static org.erpinsight.sidecar.adapter.tryton.TrytonClient.decimal;
import static org.erpinsight.sidecar.adapter.tryton.TrytonClient.duration;
import static org.erpinsight.sidecar.adapter.tryton.TrytonClient.list;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.erpinsight.sidecar.core.PartyKind;
import org.erpinsight.sidecar.core.ProjectOverview;
import org.erpinsight.sidecar.core.ProjectSummary;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Projects are Tryton project works of type project, numbered P-&lt;id&gt;. Hours and their cost
 * come from the timesheet lines on the project's tree; expenses are the purchase lines linked
 * to it (Tryton 6.0 has no expense module), travel being those of the TRAVEL item; the budget
 * is the planned revenue (effort at the project's list price); invoiced and not yet invoiced
 * are Tryton's own amounts.
 */
final class TrytonProjects {
    private final TrytonClient tryton;
    private final TrytonParties parties;
    private final Clock clock;

    TrytonProjects(TrytonClient tryton, TrytonParties parties, Clock clock) {
        this.tryton = tryton;
        this.parties = parties;
        this.clock = clock;
    }

    Optional<List<ProjectSummary>> projects(String customerNumber) {
        return parties.find(PartyKind.CUSTOMER, customerNumber).map(found -> {
            List<ProjectSummary> projects = new ArrayList<>();
            for (JsonNode work : tryton.model("project.work", "search_read", list(list("party", "=", found.id()),
                    list("type", "=", "project")), 0, null, list(list("id", "ASC")), list("name", "status.name"))) {
                projects.add(new ProjectSummary("P-" + work.get("id").asInt(), work.get("name").asText(), customerNumber,
                        work.path("status.").path("name").asText("Open")));
            }
            return projects;
        });
    }

    Optional<ProjectOverview> overview(String number) {
        if (!number.matches("P-[0-9]{1,9}")) {
            return Optional.empty();
        }
        int id = Integer.parseInt(number.substring(2));
        JsonNode found = tryton.model("project.work", "search_read", list(list("id", "=", id), list("type", "=", "project")), 0, 1,
                null, list("name", "party.code", "revenue", "invoiced_amount", "amount_to_invoice", "timesheet_duration"));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JsonNode project = found.get(0);
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
                list("amount", "product.code"))) {
            BigDecimal amount = decimal(line.get("amount"));
            if ("TRAVEL".equals(line.path("product.").path("code").asText())) {
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
}
