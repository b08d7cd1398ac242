package org.erpinsight.sidecar.server;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.erpinsight.sidecar.server.ops.JsonLogFormat;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

public class JsonLogFormatTest {
    @Test
    public void everyLineIsOneJsonObjectWhateverTheMessageHolds() throws Exception {
        LogRecord record = new LogRecord(Level.WARNING, "line one\nline \"two\" \\ {0}");
        record.setLoggerName("org.erpinsight.test");
        record.setParameters(new Object[] {"arg"});
        record.setThrown(new IllegalStateException("boom"));
        String line = new JsonLogFormat().format(record);
        assertTrue(line.endsWith("}\n"));
        assertEquals(1, line.split("\n").length);
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals("WARNING", json.get("level").asText());
        assertEquals("org.erpinsight.test", json.get("logger").asText());
        assertEquals("line one\nline \"two\" \\ arg", json.get("message").asText());
        assertTrue(json.get("error").asText().startsWith("java.lang.IllegalStateException: boom"));
    }
}
