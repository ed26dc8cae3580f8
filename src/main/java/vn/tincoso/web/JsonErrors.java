package vn.tincoso.web;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Names the offending part of a JSON body the way RFC 6901 does ("/title", "/captions/0/text", "" for the whole
 * document), with a message in the API's language. Nothing of Jackson's own text (Java types, class names) is used.
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    /** The field a failed read points at, and what is wrong with it. */
    public static Problem.FieldError of(JsonProcessingException failure) {
        String pointer = failure instanceof JsonMappingException mapping ? pointer(mapping.getPath()) : "";
        return new Problem.FieldError(pointer, message(failure));
    }

    /** The field a Bean Validation violation is about, below the method and its parameter. */
    public static String pointer(ConstraintViolation<?> violation) {
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                pointer.append('/').append(node.getIndex());
            } else if (node.isInIterable() && node.getKey() != null) {
                pointer.append('/').append(escape(String.valueOf(node.getKey())));
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                pointer.append('/').append(escape(node.getName()));
            }
        }
        return pointer.toString();
    }

    /** A pointer from its segments: names of members and indexes of array elements. */
    public static String pointer(Object... segments) {
        StringBuilder pointer = new StringBuilder();
        for (Object segment : segments) {
            pointer.append('/').append(escape(String.valueOf(segment)));
        }
        return pointer.toString();
    }

    private static String pointer(List<JsonMappingException.Reference> path) {
        return pointer(path.stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : (Object) reference.getIndex())
                .toArray());
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static String message(JsonProcessingException failure) {
        if (failure instanceof StrictJson.UnacceptableValue unacceptable) {
            return unacceptable.getOriginalMessage();
        }
        if (failure instanceof InvalidFormatException) {
            return "giá trị không hợp lệ" + expected(((InvalidFormatException) failure).getTargetType());
        }
        if (failure instanceof MismatchedInputException mismatch) {
            return "không đúng kiểu" + expected(mismatch.getTargetType());
        }
        if (failure instanceof JsonMappingException) {
            return "giá trị không đọc được";
        }
        JsonLocation at = failure.getLocation();
        return at == null || at.getLineNr() < 0 ? "không phải JSON hợp lệ"
                : "không phải JSON hợp lệ (dòng " + at.getLineNr() + ", cột " + at.getColumnNr() + ")";
    }

    /** What the field should have been, in words a client developer reads. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return ": cần một chuỗi";
        }
        if (type == boolean.class || type == Boolean.class) {
            return ": cần true hoặc false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return ": cần một số";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return ": cần một thời điểm ISO 8601, ví dụ 2024-06-03T14:35:00+07:00";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return ": cần một mảng";
        }
        if (type.isEnum()) {
            return ": không phải giá trị được nhận";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.") ? ": cần một đối tượng" : "";
    }
}
