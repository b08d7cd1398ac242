package org.erpinsight.sidecar.adapter.reference;

import java.util.Map;

import org.erpinsight.sidecar.core.AdapterSettings;
import org.erpinsight.sidecar.core.ErpAdapter;
import org.erpinsight.sidecar.core.ErpAdapterFactory;
import org.erpinsight.sidecar.documents.DocumentSettings;

/** Selects the reference ERP with {@code --adapter reference} (the default). */
public final class ReferenceErpFactory implements ErpAdapterFactory {

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> settings = new java.util.TreeMap<>(DocumentSettings.HELP);
        settings.put("demo.size", "demo data for a new database: small, or large (10,000 customers, 1,000,000 invoice lines)");
        return settings;
    }

    @Override
    public ErpAdapter open(AdapterSettings settings) {
        return ReferenceErp.open(new ReferenceErpSettings(settings.dataDirectory(), DemoSize.parse(settings.get("demo.size", "small")),
                settings.clock(), DocumentSettings.renderer(settings)));
    }
}
