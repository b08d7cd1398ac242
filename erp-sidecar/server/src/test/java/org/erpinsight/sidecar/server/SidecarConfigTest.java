package org.erpinsight.sidecar.server;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SidecarConfigTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private static final String KEY = "--api-key=crm:abcdefghijklmnop";

    @Test
    public void flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws Exception {
        Path file = folder.newFile("sidecar.properties").toPath();
        Files.writeString(file, "port=7001\nbind=0.0.0.0\ndemo.size=large\napi.keys=a:0123456789abcdef\n");
        SidecarConfig fromFile = SidecarConfig.load(new String[] {"--config", file.toString()}, Map.of());
        assertEquals(7001, fromFile.port());
        assertEquals("0.0.0.0", fromFile.bindAddress());
        assertEquals("large", fromFile.adapterSettings().get("demo.size"));
        SidecarConfig fromEnv = SidecarConfig.load(new String[] {"--config", file.toString()}, Map.of("ERP_SIDECAR_PORT", "7002"));
        assertEquals(7002, fromEnv.port());
        SidecarConfig fromFlag = SidecarConfig.load(new String[] {"--config", file.toString(), "--port", "7003"},
                Map.of("ERP_SIDECAR_PORT", "7002"));
        assertEquals(7003, fromFlag.port());
        SidecarConfig defaults = SidecarConfig.load(new String[] {KEY}, Map.of());
        assertEquals(8280, defaults.port());
        assertEquals("127.0.0.1", defaults.bindAddress());
        assertEquals(null, defaults.adapterSettings().get("demo.size"));
        assertEquals("reference", defaults.adapter());
    }

    @Test
    public void severalKeysAuthenticateByNameAndWrongOnesDoNot() {
        SidecarConfig config = SidecarConfig.load(new String[] {"--api-key", "crm:abcdefghijklmnop", "--api-key",
            "other:qrstuvwxyz0123456"}, Map.of());
        assertEquals("crm", config.apiKeys().authenticate("abcdefghijklmnop").orElseThrow().name());
        assertEquals("other", config.apiKeys().authenticate("qrstuvwxyz0123456").orElseThrow().name());
        assertTrue(config.apiKeys().authenticate("abcdefghijklmnoq").isEmpty());
        assertTrue(config.apiKeys().authenticate(null).isEmpty());
    }

    @Test
    public void badSettingsAreRefusedWithAMessageThatNeverShowsASecret() {
        assertTrue(message().contains("No API key"));
        assertTrue(message(KEY, "--port", "http").contains("port must be a number"));
        assertTrue(message(KEY, "--port", "70000").contains("between 0 and 65535"));
        assertTrue(message(KEY, "--adapter", "sap").matches(".*\\[reference, tryton\\].*"));
        assertTrue(message(KEY, "--adapter", "sap").contains("adapter"));
        assertTrue(message(KEY, "--colour", "red").contains("Unknown option --colour"));
        String tooShort = message("--api-key", "crm:short-secret");
        assertTrue(tooShort.contains("at least") || tooShort.contains("16"));
        assertFalse(tooShort.contains("short-secret"));
        assertTrue(message("--api-key", "no-colon-here-0123456789").contains("NAME:SECRET"));
        assertFalse(message("--api-key", "no-colon-here-0123456789").contains("no-colon-here"));
    }

    @Test
    public void adapterSettingsComeFromSetFlagsTheEnvironmentAndTheFile() throws Exception {
        Path file = folder.newFile("adapter.properties").toPath();
        Files.writeString(file, "demo.size=large\nother.key=from-file\nport=7001\n");
        SidecarConfig config = SidecarConfig.load(new String[] {KEY, "--config", file.toString(), "--set", "other.key=from-flag"},
                Map.of("ERP_SIDECAR_DEMO_SIZE", "small"));
        assertEquals("small", config.adapterSettings().get("demo.size"));
        assertEquals("from-flag", config.adapterSettings().get("other.key"));
        assertEquals("the sidecar's own settings are not the adapter's", null, config.adapterSettings().get("port"));
        assertTrue(message(KEY, "--set", "novalue").contains("KEY=VALUE"));
    }

    @Test
    public void aBadAdapterSettingStopsTheStartWithItsName() {
        SidecarConfig config = SidecarConfig.load(new String[] {KEY, "--demo-size", "huge", "--port", "0", "--data-dir",
            folder.getRoot().toPath().resolve("d").toString()}, Map.of());
        String message = assertThrows(SidecarConfig.InvalidConfig.class, () -> SidecarServer.start(config)).getMessage();
        assertTrue(message, message.contains("demo size") && message.contains("huge"));
    }

    @Test
    public void helpListsEveryOptionWithItsVariable() {
        String usage = SidecarConfig.usage();
        for (SidecarConfig.Setting s : SidecarConfig.Setting.values()) {
            assertTrue(usage.contains(s.flag));
            assertTrue(usage.contains(s.env));
        }
        assertTrue("the adapters and their settings are listed", usage.contains("reference") && usage.contains("demo.size"));
    }

    @Test
    public void rateAndBurstAreSetPerKeyAndDefaultToTheSidecarsOwn() {
        SidecarConfig config = SidecarConfig.load(new String[] {"--api-key", "crm:abcdefghijklmnop", "--api-key",
            "crm-background:qrstuvwxyz0123456", "--rate-limit", "300", "--rate-burst", "450", "--key-rate-limit", "crm-background=20"},
                Map.of());
        assertEquals(300, config.rateLimit().perSecond(), 0);
        assertEquals(450, config.rateLimit().burst(), 0);
        assertEquals(20, config.keyRateLimits().get("crm-background").perSecond(), 0);
        assertEquals("burst twice the rate unless given", 40, config.keyRateLimits().get("crm-background").burst(), 0);
        SidecarConfig fromEnv = SidecarConfig.load(new String[] {"--api-key", "crm:abcdefghijklmnop"},
                Map.of("ERP_SIDECAR_KEY_RATE_LIMITS", "crm=400/800"));
        assertEquals(800, fromEnv.keyRateLimits().get("crm").burst(), 0);
        assertEquals("the default: 200/s, bursts of 400", 400, fromEnv.rateLimit().burst(), 0);
        assertTrue(message(KEY, "--key-rate-limit", "nobody=5").contains("'nobody', which is not configured"));
        assertTrue(message(KEY, "--key-rate-limit", "crm:5").contains("NAME=RATE"));
    }

    private static String message(String... args) {
        return assertThrows(SidecarConfig.InvalidConfig.class, () -> SidecarConfig.load(args, Map.of())).getMessage();
    }
}
