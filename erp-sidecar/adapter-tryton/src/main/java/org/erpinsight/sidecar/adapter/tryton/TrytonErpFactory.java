package org.erpinsight.sidecar.adapter.tryton;

import java.util.Map;

import org.erpinsight.sidecar.core.AdapterSettings;
import org.erpinsight.sidecar.core.ErpAdapter;
import org.erpinsight.sidecar.core.ErpAdapterFactory;
import org.erpinsight.sidecar.documents.DocumentSettings;

/** Selects Tryton with {@code --adapter tryton}. */
public final class TrytonErpFactory implements ErpAdapterFactory {

    @Override
    public String name() {
        return "tryton";
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> settings = new java.util.TreeMap<>(DocumentSettings.HELP);
        settings.putAll(Map.ofEntries(
                Map.entry("tryton.url", "Tryton's JSON-RPC address, e.g. http://127.0.0.1:8000 (required)"),
                Map.entry("tryton.database", "the Tryton database (required)"),
                Map.entry("tryton.user", "the user the sidecar signs in as [admin]"),
                Map.entry("tryton.password.file", "file whose first line is that user's password (or ERP_SIDECAR_TRYTON_PASSWORD)"),
                Map.entry("tryton.timeout.seconds", "longest wait for one Tryton call [10]"),
                Map.entry("tryton.company", "the company's id in Tryton [the user's current company]"),
                Map.entry("tryton.customer.categories", "only parties in these party categories (comma-separated names) are"
                        + " customers [any party with sales or customer invoices]"),
                Map.entry("tryton.supplier.categories", "likewise for suppliers [any party with purchases or supplier invoices]"),
                Map.entry("tryton.roles.cache.seconds", "how long the lists of customers and suppliers are kept [300]"),
                Map.entry("tryton.travel.codes", "item codes of travel expenses on projects, comma-separated [TRAVEL]"),
                Map.entry("tryton.travel.categories", "product categories of travel expenses, comma-separated [Travel]"),
                Map.entry("tryton.project.number.pattern", "regular expression whose first group finds the project number in"
                        + " a project's name [the first word that holds a digit; else the whole name]"),
                Map.entry("tryton.invoice.report", "the report Tryton prints invoices with [account.invoice]")));
        return settings;
    }

    @Override
    public ErpAdapter open(AdapterSettings settings) {
        return new TrytonErp(TrytonSettings.from(settings), settings.clock(), DocumentSettings.office(settings),
                DocumentSettings.renderer(settings));
    }
}
