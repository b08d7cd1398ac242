package org.erpinsight.sidecar.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.erpinsight.sidecar.adapter.reference.DemoSize;
import org.erpinsight.sidecar.server.security.ApiKeys;

/**
 * The sidecar's settings. Each comes from, in this order of precedence: a command-line flag,
 * an environment variable, a properties file ({@code --config} or {@code ERP_SIDECAR_CONFIG}),
 * the default.
 */
public record SidecarConfig(String bindAddress, int port, Path dataDirectory, DemoSize demoSize, String adapter,
                            ApiKeys apiKeys) {

    /** One setting: its flag, environment variable, file key, default and help text. */
    enum Setting {
        BIND("--bind", "ERP_SIDECAR_BIND", "bind", "127.0.0.1", "address to listen on (0.0.0.0 for all)"),
        PORT("--port", "ERP_SIDECAR_PORT", "port", "8280", "HTTP port; 0 picks a free one"),
        DATA_DIR("--data-dir", "ERP_SIDECAR_DATA_DIR", "data.dir", "sidecar-data",
                "directory of the reference ERP's Derby database"),
        DEMO_SIZE("--demo-size", "ERP_SIDECAR_DEMO_SIZE", "demo.size", "small",
                "demo data for a new reference ERP: small or large (10,000 customers, 1,000,000 invoice lines)"),
        ADAPTER("--adapter", "ERP_SIDECAR_ADAPTER", "adapter", "reference", "which ERP to wrap: reference"),
        API_KEYS("--api-key", "ERP_SIDECAR_API_KEYS", "api.keys", null,
                "API key as NAME:SECRET (secret at least 16 characters); repeat the flag, or comma-separate in the"
                        + " variable or file; required");

        final String flag;
        final String env;
        final String key;
        final String defaultValue;
        final String help;

        Setting(String flag, String env, String key, String defaultValue, String help) {
            this.flag = flag;
            this.env = env;
            this.key = key;
            this.defaultValue = defaultValue;
            this.help = help;
        }
    }

    public static String usage() {
        StringBuilder text = new StringBuilder("""
                ERP sidecar: serves the ERP Insight contract (REST /api/v1, SOAP /soap/erp) in front of an ERP.

                Usage: java -jar sidecar-server-app.jar [options]

                Options (flag, environment variable, key in the --config properties file):
                """);
        for (Setting s : Setting.values()) {
            text.append(String.format("  %-14s %-22s %-10s %s%s%n", s.flag, s.env, s.key, s.help,
                    s.defaultValue == null ? "" : " [" + s.defaultValue + "]"));
        }
        text.append(String.format("  %-14s %-22s %-10s %s%n", "--config FILE", "ERP_SIDECAR_CONFIG", "", "properties file"));
        text.append(String.format("  %-14s %-22s %-10s %s%n", "--help", "", "", "print this and exit"));
        text.append("""

                Endpoints: /api/v1 (REST, OpenAPI at /api/v1/openapi.json), /soap/erp (SOAP, WSDL at /soap/erp?wsdl),
                /health. Every API call needs the header X-API-Key.
                """);
        return text.toString();
    }

    /** Thrown for settings a person must correct; the message says which and how. */
    public static final class InvalidConfig extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidConfig(String message) {
            super(message);
        }
    }

    public static SidecarConfig load(String[] args, Map<String, String> env) {
        Map<Setting, List<String>> flags = new LinkedHashMap<>();
        String configFile = env.get("ERP_SIDECAR_CONFIG");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (arg.equals("--config")) {
                configFile = value != null ? value : next(args, ++i, arg);
                continue;
            }
            Setting setting = null;
            for (Setting s : Setting.values()) {
                if (s.flag.equals(arg)) {
                    setting = s;
                }
            }
            if (setting == null) {
                throw new InvalidConfig("Unknown option " + arg + " (see --help)");
            }
            flags.computeIfAbsent(setting, s -> new ArrayList<>()).add(value != null ? value : next(args, ++i, arg));
        }
        Properties file = new Properties();
        if (configFile != null) {
            try (Reader reader = Files.newBufferedReader(Path.of(configFile))) {
                file.load(reader);
            } catch (IOException e) {
                throw new InvalidConfig("Cannot read config file " + configFile + ": " + e.getMessage());
            }
        }
        Map<Setting, List<String>> values = new LinkedHashMap<>();
        for (Setting s : Setting.values()) {
            if (flags.containsKey(s)) {
                values.put(s, flags.get(s));
            } else if (env.get(s.env) != null) {
                values.put(s, List.of(env.get(s.env).split(",")));
            } else if (file.getProperty(s.key) != null) {
                values.put(s, List.of(file.getProperty(s.key).split(",")));
            } else if (s.defaultValue != null) {
                values.put(s, List.of(s.defaultValue));
            } else {
                values.put(s, List.of());
            }
        }
        int port;
        try {
            port = Integer.parseInt(single(values, Setting.PORT).strip());
        } catch (NumberFormatException e) {
            throw new InvalidConfig("port must be a number, not '" + single(values, Setting.PORT) + "'");
        }
        if (port < 0 || port > 65535) {
            throw new InvalidConfig("port must be between 0 and 65535");
        }
        DemoSize size;
        try {
            size = DemoSize.parse(single(values, Setting.DEMO_SIZE));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfig(e.getMessage());
        }
        String adapter = single(values, Setting.ADAPTER).strip();
        if (!adapter.equals("reference")) {
            throw new InvalidConfig("adapter must be 'reference', not '" + adapter + "'");
        }
        List<String> keys = values.get(Setting.API_KEYS).stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
        if (keys.isEmpty()) {
            throw new InvalidConfig("No API key configured: give --api-key NAME:SECRET or ERP_SIDECAR_API_KEYS");
        }
        ApiKeys apiKeys;
        try {
            apiKeys = ApiKeys.parse(keys);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfig(e.getMessage());
        }
        return new SidecarConfig(single(values, Setting.BIND).strip(), port,
                Path.of(single(values, Setting.DATA_DIR).strip()), size, adapter, apiKeys);
    }

    private static String single(Map<Setting, List<String>> values, Setting s) {
        List<String> v = values.get(s);
        return v.get(v.size() - 1);
    }

    private static String next(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new InvalidConfig(flag + " needs a value");
        }
        return args[i];
    }
}
