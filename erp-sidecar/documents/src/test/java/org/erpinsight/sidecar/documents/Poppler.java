package org.erpinsight.sidecar.documents;

import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Reads PDFs with poppler's pdftotext and pdfinfo: tools we did not write, so that a test of our
 * PDFs does not take our own word for what is in them. Tests are skipped, loudly, without them
 * (the test command installs poppler-utils when it runs as root).
 */
public final class Poppler {
    private Poppler() {
    }

    public static void assumeInstalled() {
        boolean present = Files.isExecutable(Path.of("/usr/bin/pdftotext")) && Files.isExecutable(Path.of("/usr/bin/pdfinfo"));
        if (!present) {
            System.err.println("SKIPPED: reading PDFs needs poppler-utils (pdftotext, pdfinfo)");
        }
        assumeTrue("poppler-utils is installed", present);
    }

    public static String text(byte[] pdf) throws IOException, InterruptedException {
        return run(pdf, "/usr/bin/pdftotext", "-layout", "-enc", "UTF-8");
    }

    public static int pages(byte[] pdf) throws IOException, InterruptedException {
        String info = run(pdf, "/usr/bin/pdfinfo");
        return Integer.parseInt(info.replaceAll("(?s).*Pages:\\s+(\\d+).*", "$1"));
    }

    /** pdfinfo's report (Producer, Pages, ...). */
    public static String info(byte[] pdf) throws IOException, InterruptedException {
        return run(pdf, "/usr/bin/pdfinfo");
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/pdftotext")) && Files.isExecutable(Path.of("/usr/bin/pdfinfo"));
    }

    private static String run(byte[] pdf, String... command) throws IOException, InterruptedException {
        Path file = Files.createTempFile("invoice", ".pdf");
        Path text = Files.createTempFile("invoice", ".txt");
        try {
            Files.write(file, pdf);
            String[] full = new String[command.length + (command[0].endsWith("pdftotext") ? 2 : 1)];
            System.arraycopy(command, 0, full, 0, command.length);
            full[command.length] = file.toString();
            if (command[0].endsWith("pdftotext")) {
                full[command.length + 1] = text.toString();
            }
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", full) + " failed: " + out);
            }
            return command[0].endsWith("pdftotext") ? Files.readString(text, StandardCharsets.UTF_8) : out;
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(text);
        }
    }
}
