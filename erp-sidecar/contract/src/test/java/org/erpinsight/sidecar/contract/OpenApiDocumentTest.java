package org.erpinsight.sidecar.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.Test;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The checked-in OpenAPI document as other people's tools see it: it must be valid against the
 * official OAS 3.0 JSON schema, and swagger-parser v3 (what openapi-generator and many API
 * gateways run first) must read it without a single message. Both checks are shown to refuse
 * a broken document, so that a green build means something.
 */
public class OpenApiDocumentTest {
    /** Where the vertx-openapi jar keeps the official schema for OpenAPI 3.0.x documents. */
    private static final String OAS_30_SCHEMA = "/spec.openapis.org/oas/3.0/schema/2021-09-28";

    static String read(String resource) throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(resource)) {
            assertNotNull(resource + " is on the class path", in);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String document() throws IOException {
        return read("/contract/openapi.json");
    }

    static List<String> schemaErrors(String json) throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(read(OAS_30_SCHEMA), InputFormat.JSON);
        return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    static SwaggerParseResult parse(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(json, null, options);
    }

    static List<String> parserMessages(String json) {
        List<String> messages = parse(json).getMessages();
        return messages == null ? List.of() : messages;
    }

    @Test
    public void theDocumentIsValidAgainstTheOfficialOas30Schema() throws IOException {
        assertEquals("errors against the OAS 3.0 schema", List.of(), schemaErrors(document()));
    }

    @Test
    public void swaggerParserReadsTheDocumentWithoutMessages() throws IOException {
        SwaggerParseResult result = parse(document());
        assertNotNull("swagger-parser read an OpenAPI model", result.getOpenAPI());
        assertEquals("swagger-parser's messages about contract/openapi.json", List.of(), parserMessages(document()));
        assertEquals("operations in the document", 22, result.getOpenAPI().getPaths().values().stream()
                .mapToInt(path -> path.readOperations().size()).sum());
    }

    /** The defect that once shipped: an empty required list, which OAS 3.0 forbids. */
    @Test
    public void anEmptyRequiredListIsRefused() throws IOException {
        String broken = replaceOnce(document(), "\"OrderConfirmationRequest\": {\n        \"type\": \"object\",",
                "\"OrderConfirmationRequest\": {\n        \"type\": \"object\",\n        \"required\": [],");
        List<String> errors = schemaErrors(broken);
        assertTrue("the schema check names the empty list: " + errors,
                errors.stream().anyMatch(e -> e.contains("OrderConfirmationRequest") && e.contains("required")));
    }

    @Test
    public void anUndefinedReferenceIsRefused() throws IOException {
        String broken = replaceOnce(document(), "\"$ref\": \"#/components/schemas/Pong\"", "\"$ref\": \"#/components/schemas/Pang\"");
        assertFalse("swagger-parser reports the missing schema", parserMessages(broken).isEmpty());
    }

    @Test
    public void anUnknownParameterLocationIsRefused() throws IOException {
        String broken = replaceOnce(document(), "\"in\": \"query\"", "\"in\": \"body\"");
        assertFalse("the schema check refuses 'in: body' (OAS 2 only)", schemaErrors(broken).isEmpty());
        assertFalse("swagger-parser refuses it too", parserMessages(broken).isEmpty());
    }

    private static String replaceOnce(String text, String what, String with) {
        int at = text.indexOf(what);
        assertTrue("the document holds " + what, at >= 0);
        return text.substring(0, at) + with + text.substring(at + what.length());
    }
}
