package vn.tincoso.organisations;

import java.util.Arrays;
import java.util.Optional;


/** Where a unit sits in the tree, from the top. */
public enum Level {
    /** Thành phố or tỉnh. */
    CITY("city", "thành phố"),
    /** Quận, huyện or thị xã. */
    DISTRICT("district", "quận, huyện"),
    /** Phường, xã or thị trấn. */
    WARD("ward", "phường, xã"),
    /** A residential group (tổ dân phố) or party cell (chi bộ) below a ward. */
    GROUP("group", "tổ dân phố, chi bộ");

    private final String code;
    private final String label;

    Level(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** How Vietnamese readers name the level: "phường, xã". */
    public String label() {
        return label;
    }

    /** The lower-case code used in the API and the database: "ward". */
    public String code() {
        return code;
    }

    /**
     * Whether a unit of this level may sit directly under one of that level: one level up, and a commune also directly
     * under its province (the map since 1 July 2025 has no districts).
     */
    public boolean mayBeUnder(Level parent) {
        return parent.ordinal() == ordinal() - 1 || this == WARD && parent == CITY;
    }

    public static Optional<Level> fromCode(String code) {
        return Arrays.stream(values()).filter(level -> level.code.equals(code)).findFirst();
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements jakarta.persistence.AttributeConverter<Level, String> {
        @Override
        public String convertToDatabaseColumn(Level level) {
            return level == null ? null : level.code;
        }

        @Override
        public Level convertToEntityAttribute(String code) {
            return code == null ? null : fromCode(code).orElseThrow(() -> new IllegalStateException("unknown level " + code));
        }
    }
}
