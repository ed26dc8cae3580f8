package vn.tincoso.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
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
 * ({@link VietnameseText#unstorable}), no instant or date outside {@link VietnamTime#supported}, dates written as
 * ISO 8601 strings only, no value of another JSON type taken for the expected one (a number for a text, 1.5 for a
 * count, "1" for a number), and nothing after the document. A value that breaks them fails the read, with its place
 * in the document, so the answer names the field (as a JSON pointer, see {@link JsonErrors}).
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
                .addDeserializer(OffsetDateTime.class, new SupportedInstant())
                .addDeserializer(LocalDate.class, new SupportedDate()));
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (CoercionInputShape other : List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(other, CoercionAction.Fail);
        }
        for (LogicalType number : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
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

    private static final class SupportedDate extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new UnacceptableValue(parser, "cần một ngày YYYY-MM-DD", LocalDate.class);
            }
            LocalDate day = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            if (day != null && (day.getYear() < 1 || day.getYear() > 9999)) {
                throw new UnacceptableValue(parser, "ngày phải " + VietnamTime.RANGE, LocalDate.class);
            }
            return day;
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
