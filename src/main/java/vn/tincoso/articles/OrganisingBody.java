package vn.tincoso.articles;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;


/**
 * Which body of a unit held the event, besides the unit (the territory) itself: "Đảng ủy phường X" and "UBND phường
 * X" are the same unit and different bodies.
 */
public enum OrganisingBody {
    /** The Party committee or organisation: Đảng ủy, Quận ủy, Thành ủy, Ban Thường vụ, chi bộ, Đảng ủy khối. */
    PARTY("Cấp ủy, tổ chức Đảng"),
    /** Ủy ban nhân dân. */
    GOVERNMENT("Ủy ban nhân dân"),
    /** Hội đồng nhân dân, in any of its terms (khóa). */
    COUNCIL("Hội đồng nhân dân"),
    /** Ủy ban Mặt trận Tổ quốc and the mass organisations: Đoàn thanh niên, Hội Liên hiệp Phụ nữ, Hội Cựu chiến binh … */
    FRONT("Mặt trận Tổ quốc, đoàn thể"),
    /** Ban Chỉ huy Quân sự, Công an, Bộ đội Biên phòng. */
    SECURITY("Quân sự, công an"),
    /** Any other body, or none named. */
    OTHER("Khác");

    private final String label;

    OrganisingBody(String label) {
        this.label = label;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public static Optional<OrganisingBody> fromCode(String code) {
        return Arrays.stream(values()).filter(body -> body.code().equals(code)).findFirst();
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements jakarta.persistence.AttributeConverter<OrganisingBody, String> {
        @Override
        public String convertToDatabaseColumn(OrganisingBody body) {
            return body == null ? null : body.code();
        }

        @Override
        public OrganisingBody convertToEntityAttribute(String code) {
            return code == null ? null : fromCode(code).orElseThrow(() -> new IllegalStateException("unknown body " + code));
        }
    }
}
