package vn.tincoso.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/** JSON Feed 1.1 as the JSON Schema feeds/jsonfeed-1.1.schema.json says it, through networknt's validator. */
final class JsonFeedSchema {

    /**
     * Compiled once (a networknt schema is thread-safe once built). Draft 2020-12 only annotates "format" by default;
     * turned into assertions, a date_published of "yesterday" fails.
     */
    private static final Schema SCHEMA = load("/feeds/jsonfeed-1.1.schema.json");

    private JsonFeedSchema() {
    }

    /** Each as "/items/0: required property 'id' not found", where it is as a JSON Pointer ("the feed" for the root). */
    static List<String> violations(String json) {
        return SCHEMA.validate(json, InputFormat.JSON).stream().map(JsonFeedSchema::described).toList();
    }

    private static String described(Error error) {
        String where = error.getInstanceLocation().toString();
        return (where.isEmpty() ? "the feed" : where) + ": " + error.getMessage();
    }

    private static Schema load(String resource) {
        SchemaRegistryConfig formatsAsserted = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(formatsAsserted));
        try (InputStream schema = JsonFeedSchema.class.getResourceAsStream(resource)) {
            Schema compiled = registry.getSchema(schema);
            compiled.initializeValidators();
            return compiled;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
