package vn.tincoso.web;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Dates and times as plain {@code type: string} with their {@code format}, written where they are used. The scanner
 * makes components named LocalDate and OffsetDateTime and refers to them; a Java client generator then renames
 * them ModelLocalDate and ModelOffsetDateTime (they clash with java.time) and warns about the document.
 */
final class TimeSchemas {

    private static final String COMPONENTS = "#/components/schemas/";
    private static final Map<String, String> FORMATS = Map.of("LocalDate", "date", "OffsetDateTime", "date-time");

    private TimeSchemas() {
    }

    /** The schema with a reference to one of them, bare or as its only allOf, replaced by the format itself. */
    static Schema inline(Schema schema) {
        String format = formatOf(schema.getRef());
        if (format != null) {
            schema.setRef(null);
            schema.setType(List.of(Schema.SchemaType.STRING));
            schema.setFormat(format);
        } else if (schema.getAllOf() != null && schema.getAllOf().size() == 1
                && (format = formatOf(schema.getAllOf().get(0).getRef())) != null) {
            schema.setAllOf(null);
            schema.setType(List.of(Schema.SchemaType.STRING));
            schema.setFormat(format);
        }
        return schema;
    }

    /** The components themselves, once nothing refers to them. */
    static void removeComponents(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            FORMATS.keySet().forEach(openAPI.getComponents()::removeSchema);
        }
    }

    private static String formatOf(String ref) {
        return ref != null && ref.startsWith(COMPONENTS) ? FORMATS.get(ref.substring(COMPONENTS.length())) : null;
    }
}
