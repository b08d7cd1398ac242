package org.erpinsight.sidecar.core;

import java.util.Map;

/**
 * Opens one kind of ERP adapter. Each adapter module registers one in
 * {@code META-INF/services/org.erpinsight.sidecar.core.ErpAdapterFactory}; the sidecar picks it
 * by {@link #name()} ({@code --adapter}). A new ERP is a new module and nothing else.
 */
public interface ErpAdapterFactory {

    /** The value of {@code --adapter} that selects this adapter. */
    String name();

    /** The settings this adapter reads (key to help text), listed by {@code --help}. */
    Map<String, String> settings();

    /**
     * Opens the adapter.
     *
     * @throws IllegalArgumentException for a missing or malformed setting; the message names it
     */
    ErpAdapter open(AdapterSettings settings);
}
