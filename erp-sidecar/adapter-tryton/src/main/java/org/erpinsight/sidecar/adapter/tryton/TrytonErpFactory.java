package org.erpinsight.sidecar.adapter.tryton;

import java.util.Map;

import org.erpinsight.sidecar.core.AdapterSettings;
import org.erpinsight.sidecar.core.ErpAdapter;
import org.erpinsight.sidecar.core.ErpAdapterFactory;

/** Selects Tryton with {@code --adapter tryton}. */
public final class TrytonErpFactory implements ErpAdapterFactory {

    @Override
    public String name() {
        return "tryton";
    }

    @Override
    public Map<String, String> settings() {
        return Map.of(
                "tryton.url", "Tryton's JSON-RPC address, e.g. http://127.0.0.1:8000 (required)",
                "tryton.database", "the Tryton database (required)",
                "tryton.user", "the user the sidecar signs in as [admin]",
                "tryton.password.file", "file whose first line is that user's password (or ERP_SIDECAR_TRYTON_PASSWORD)",
                "tryton.timeout.seconds", "longest wait for one Tryton call [10]",
                "tryton.company", "the company's id in Tryton [the user's current company]");
    }

    @Override
    public ErpAdapter open(AdapterSettings settings) {
        return new TrytonErp(TrytonSettings.from(settings), settings.clock());
    }
}
