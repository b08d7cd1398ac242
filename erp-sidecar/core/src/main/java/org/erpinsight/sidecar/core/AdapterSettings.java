package org.erpinsight.sidecar.core;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * What an adapter is given when it opens: the sidecar's data directory, its clock, and the
 * configured settings by key (e.g. {@code demo.size}, {@code tryton.url}).
 */
public record AdapterSettings(Path dataDirectory, Clock clock, Map<String, String> values) {

    public AdapterSettings {
        values = Map.copyOf(values);
    }

    public String get(String key, String defaultValue) {
        String value = values.get(key);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    public String required(String key) {
        String value = get(key, null);
        if (value == null) {
            throw new IllegalArgumentException("Setting " + key + " is required (--set " + key + "=..., environment "
                    + environmentName(key) + ", or " + key + " in the config file)");
        }
        return value;
    }

    /** The environment variable that carries a setting: ERP_SIDECAR_ and the key in capitals, dots as underscores. */
    public static String environmentName(String key) {
        return "ERP_SIDECAR_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
