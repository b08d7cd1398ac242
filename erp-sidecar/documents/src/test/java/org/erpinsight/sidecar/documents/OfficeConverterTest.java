package org.erpinsight.sidecar.documents;

import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.Test;

/** A real LibreOffice turns an OpenDocument text into a PDF with the same text. */
public class OfficeConverterTest {

    @Test
    public void anOpenDocumentBecomesAPdfWithTheSameText() throws Exception {
        Poppler.assumeInstalled();
        Optional<OfficeConverter> office = OfficeConverter.find(null, Files.createTempDirectory("office"), Duration.ofSeconds(120));
        if (office.isEmpty()) {
            System.err.println("SKIPPED: converting documents needs LibreOffice (Debian: libreoffice-writer-nogui)");
        }
        assumeTrue("LibreOffice is installed", office.isPresent());
        String flat = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\""
                + " office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body><office:text>"
                + "<text:p>Faktura F2026-0012 til Jensen El-service: 446,30 kr. — Ærø</text:p>"
                + "</office:text></office:body></office:document>";
        byte[] pdf = office.get().toPdf(flat.getBytes(StandardCharsets.UTF_8), "fodt");
        assertTrue(new String(pdf, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
        String text = Poppler.text(pdf);
        assertTrue(text, text.contains("Faktura F2026-0012 til Jensen El-service: 446,30 kr. — Ærø"));
    }

    @Test
    public void aConversionPastItsDeadlineIsAnErrorNotAHang() throws Exception {
        Optional<OfficeConverter> office = OfficeConverter.find(null, Files.createTempDirectory("office"), Duration.ofMillis(1));
        assumeTrue(office.isPresent());
        try {
            office.get().toPdf("<x/>".getBytes(StandardCharsets.UTF_8), "fodt");
            assertTrue("no LibreOffice converts in a millisecond", false);
        } catch (java.io.IOException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("within"));
        }
        try {
            office.get().toPdf(new byte[] {1}, "../x");
            assertTrue("no path in the extension", false);
        } catch (java.io.IOException expected) {
            assertTrue(expected.getMessage().contains("extension"));
        }
        assertTrue(Files.isExecutable(Path.of(office.get().office().toString())));
    }
}
