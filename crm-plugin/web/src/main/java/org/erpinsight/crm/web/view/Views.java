package org.erpinsight.crm.web.view;

import java.util.Map;

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The web bundle's one way to make HTML: jte templates under {@code src/main/jte}, compiled to
 * Java classes at build time (no compiler, no file access at run time, so they work inside any
 * OSGi framework), where every {@code ${...}} is escaped for where it stands (text, attribute,
 * script). A template that wants raw HTML must say {@code $unsafe}: none does; a tab's finished HTML
 * comes in through {@link #raw}.
 */
public final class Views {
    /** Where jte-maven-plugin puts the compiled templates (pom.xml); a private package of this bundle. */
    static final String PACKAGE = "org.erpinsight.crm.web.templates";
    private static final TemplateEngine ENGINE = engine();

    private Views() {
    }

    /**
     * Without a class directory jte loads the compiled templates through the thread's context class
     * loader, taken when the engine is made: in OSGi that is the host's, not this bundle's.
     */
    private static TemplateEngine engine() {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(Views.class.getClassLoader());
        try {
            return TemplateEngine.createPrecompiled(null, ContentType.Html, Views.class.getClassLoader(), PACKAGE);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** A template with one parameter (a feature's view record) as a string. */
    public static String render(String template, Object model) {
        StringOutput out = new StringOutput(4096);
        ENGINE.render(template, model, out);
        return out.toString();
    }

    /** A template with named parameters as a string. */
    public static String render(String template, Map<String, Object> parameters) {
        StringOutput out = new StringOutput(4096);
        ENGINE.render(template, parameters, out);
        return out.toString();
    }

    /** A template as content for another one, rendered only when (and where) that one writes it. */
    public static Content content(String template, Object model) {
        return out -> ENGINE.render(template, model, out);
    }

    /** The same with named parameters. */
    public static Content content(String template, Map<String, Object> parameters) {
        return out -> ENGINE.render(template, parameters, out);
    }

    /** A tab: its content in the frame every tab shares ({@code layout/tab.jte}). */
    public static String tab(String name, Content content) {
        return render("layout/tab.jte", Map.of("name", name, "content", content));
    }

    /**
     * HTML made by a {@link org.erpinsight.crm.api.host.RecordTab} (the SPI hands tabs over as HTML,
     * escaped by the tab) to place in a page as it is. The only raw HTML any template writes.
     */
    public static Content raw(String html) {
        return out -> out.writeContent(html);
    }

    /** Nothing: for a part a user may not see. */
    public static final Content NOTHING = new Content() {
        @Override
        public void writeTo(gg.jte.TemplateOutput output) {
        }

        @Override
        public boolean isEmptyContent() {
            return true;
        }
    };
}
