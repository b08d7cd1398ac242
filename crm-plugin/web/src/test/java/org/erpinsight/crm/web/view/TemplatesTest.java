package org.erpinsight.crm.web.view;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * The rules that make the views escape by default: no template opts out with {@code $unsafe},
 * raw HTML enters only where a tab's finished HTML is placed in a page, and every template the
 * Java code names exists (jte finds a template by name only at run time).
 */
public class TemplatesTest {
    private static final Path TEMPLATES = Path.of("src/main/jte");
    private static final Path SOURCES = Path.of("src/main/java");

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    public void noTemplateWritesUnescapedOutput() throws IOException {
        List<Path> templates = files(TEMPLATES, ".jte");
        assertTrue("the templates are found", templates.size() >= 20);
        for (Path template : templates) {
            String text = Files.readString(template);
            assertTrue(template + " writes unescaped output", !text.contains("$unsafe"));
        }
    }

    @Test
    public void rawHtmlEntersOnlyAsATabsFinishedHtml() throws IOException {
        Set<String> users = new TreeSet<>();
        for (Path source : files(SOURCES, ".java")) {
            String text = Files.readString(source);
            if (text.contains("Views.raw(") || text.contains("writeContent(") && !source.endsWith("Views.java")) {
                users.add(source.getFileName().toString());
            }
        }
        assertEquals(Set.of("EmbeddedTabServlet.java"), users);
    }

    @Test
    public void everyTemplateNamedInTheCodeExists() throws IOException {
        Pattern named = Pattern.compile("\"([a-zA-Z/]+\\.jte)\"");
        Set<String> seen = new TreeSet<>();
        for (Path source : files(SOURCES, ".java")) {
            Matcher m = named.matcher(Files.readString(source));
            while (m.find()) {
                seen.add(m.group(1));
                assertTrue(source.getFileName() + " names " + m.group(1) + ", which does not exist",
                        Files.isRegularFile(TEMPLATES.resolve(m.group(1))));
            }
        }
        assertTrue("the code names templates: " + seen, seen.size() >= 10);
    }
}
