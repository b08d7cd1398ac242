package org.erpinsight.sidecar.adapter.reference;

import java.util.Locale;

/**
 * How much demo data the reference ERP is filled with on first start. {@code small} suits
 * demos and tests; {@code large} (10,000 customers, 200,000 invoices, 1,000,000 invoice lines)
 * suits benchmarks.
 */
public record DemoSize(String name, int customers, int invoicesPerCustomer, int linesPerInvoice,
                       int suppliers, int items, int projects) {

    public static final DemoSize SMALL = new DemoSize("small", 60, 12, 3, 15, 40, 12);
    public static final DemoSize LARGE = new DemoSize("large", 10_000, 20, 5, 1_000, 500, 2_000);

    public static DemoSize parse(String value) {
        return switch (value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) {
            case "small" -> SMALL;
            case "large" -> LARGE;
            default -> throw new IllegalArgumentException("demo size must be 'small' or 'large', not '" + value + "'");
        };
    }

    public long invoiceLines() {
        return (long) customers * invoicesPerCustomer * linesPerInvoice;
    }
}
