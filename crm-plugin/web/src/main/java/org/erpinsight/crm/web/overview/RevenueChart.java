package org.erpinsight.crm.web.overview;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.erpinsight.crm.api.CustomerOverview;
import org.erpinsight.crm.api.MonthlyRevenue;
import org.erpinsight.crm.web.view.Texts;

/**
 * The geometry of the revenue chart ({@code overview/chart.jte}): the template draws, this measures.
 *
 * @param ticks the axis lines: zero, half and the highest month
 * @param bars one per month, with a year label at each January (and at the first bar unless a January follows closely)
 */
public record RevenueChart(String caption, String label, int width, int height, int axis, int barWidth, int labelY,
                           List<Tick> ticks, List<Bar> bars) {
    private static final int BAR_WIDTH = 18;
    private static final int PLOT_HEIGHT = 120;
    private static final int AXIS = 70;
    private static final int TOP = 8;

    public record Tick(int y, String value, String label) {
    }

    public record Bar(int x, int y, int height, String month, String amount, String title, Integer year) {
    }

    /** The chart of an overview's months, or null when the ERP gave none. */
    static RevenueChart of(Texts texts, CustomerOverview o) {
        List<MonthlyRevenue> months = o.revenueByMonth();
        if (months.isEmpty()) {
            return null;
        }
        BigDecimal max = months.stream().map(MonthlyRevenue::amount).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        if (max.signum() <= 0) {
            max = BigDecimal.ONE;
        }
        int width = AXIS + months.size() * (BAR_WIDTH + 4);
        List<Tick> ticks = new ArrayList<>();
        for (int step = 0; step <= 2; step++) {
            BigDecimal value = max.multiply(BigDecimal.valueOf(step)).divide(BigDecimal.valueOf(2), 0, RoundingMode.HALF_UP);
            ticks.add(new Tick(TOP + PLOT_HEIGHT - PLOT_HEIGHT * step / 2, value.toPlainString(),
                    texts.amount(value, "").replaceAll("[.,]00 $", "")));
        }
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            MonthlyRevenue m = months.get(i);
            int h = m.amount().multiply(BigDecimal.valueOf(PLOT_HEIGHT)).divide(max, 0, RoundingMode.HALF_UP).intValue();
            boolean year = m.month().getMonthValue() == 1 || (i == 0 && m.month().getMonthValue() < 11);
            bars.add(new Bar(AXIS + i * (BAR_WIDTH + 4), TOP + PLOT_HEIGHT - h, Math.max(h, 1), m.month().toString(),
                    m.amount().toPlainString(), m.month() + ": " + texts.amount(m.amount(), o.currency()),
                    year ? m.month().getYear() : null));
        }
        return new RevenueChart(texts.get("customer.chart", months.size(), o.currency()), texts.get("customer.chartLabel"), width,
                PLOT_HEIGHT + TOP + 16, AXIS, BAR_WIDTH, TOP + PLOT_HEIGHT + 12, ticks, bars);
    }
}
