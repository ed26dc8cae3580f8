package vn.tincoso.web;

import java.io.IOException;
import java.time.OffsetDateTime;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

import vn.tincoso.config.VietnamTime;
import vn.tincoso.text.VietnameseText;

/**
 * What every JSON body is held to while it is read, whatever its type: no string the database cannot store
 * ({@link VietnameseText#unstorable}), no instant outside {@link VietnamTime#supported}. A value that breaks them
 * fails the read with {@link UnacceptableValue}, which carries its place in the document, so the answer names the
 * field (as a JSON pointer, see {@link JsonErrors}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** After Quarkus's own customizers, which register the java.time module whose OffsetDateTime reader this replaces. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("tincoso-strict-json")
                .addDeserializer(String.class, new StorableText())
                .addDeserializer(OffsetDateTime.class, new SupportedInstant()));
    }

    /** A JSON value of the right type that the API still cannot accept; its message is for the API user. */
    public static final class UnacceptableValue extends MismatchedInputException {
        UnacceptableValue(JsonParser parser, String message, Class<?> type) {
            super(parser, message, type);
        }
    }

    private static final class StorableText extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            String problem = text == null ? null : VietnameseText.unstorable(text);
            if (problem != null) {
                throw new UnacceptableValue(parser, problem, String.class);
            }
            return text;
        }
    }

    private static final class SupportedInstant extends JsonDeserializer<OffsetDateTime> {
        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            OffsetDateTime time = InstantDeserializer.OFFSET_DATE_TIME.deserialize(parser, context);
            if (time != null && !VietnamTime.supported(time.toInstant())) {
                throw new UnacceptableValue(parser, "thời điểm phải " + VietnamTime.RANGE, OffsetDateTime.class);
            }
            return time;
        }
    }
}
