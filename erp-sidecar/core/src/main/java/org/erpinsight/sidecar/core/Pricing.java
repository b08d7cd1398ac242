package org.erpinsight.sidecar.core;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Use cases: finding items and asking the ERP what lines would cost a customer. */
public final class Pricing {
    private final ErpAdapter erp;
    private final Clock clock;

    public Pricing(ErpAdapter erp, Clock clock) {
        this.erp = Objects.requireNonNull(erp);
        this.clock = Objects.requireNonNull(clock);
    }

    public List<Item> searchItems(String text, Integer limit) {
        String checked = Inputs.optionalText("text", text, Inputs.MAX_TEXT);
        int l = Inputs.limit(limit, 20, 100);
        return ErpCalls.call(() -> erp.searchItems(checked == null ? "" : checked, l));
    }

    public PriceQuote quote(String customerNumber, LocalDate date, List<LineRequest> lines) {
        String customer = Inputs.partyNumber(customerNumber);
        LocalDate day = Inputs.date(date, LocalDate.now(clock));
        List<LineRequest> checked = Inputs.lines(lines);
        return ErpCalls.call(() -> erp.quote(customer, day, checked));
    }
}
