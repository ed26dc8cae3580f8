package vn.tincoso.organisations;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.tincoso.text.VietnameseText;

/**
 * The kinds of unit as portals write them, read off the start of a name: "Phường Mỹ Đình 1" is a phường,
 * "Thành phố Phủ Lý" (a district-level city) a thành phố thuộc tỉnh, "Tổ dân phố số 7" a tổ dân phố.
 */
public final class UnitKind {

    /** Each kind by the folded words a name starts with, longest first so that "thi tran" wins over "thi". */
    private static final List<Map.Entry<String, String>> PREFIXES = List.of(
            Map.entry("thanh pho", "thành phố"), Map.entry("thi tran", "thị trấn"), Map.entry("thi xa", "thị xã"),
            Map.entry("dac khu", "đặc khu"), Map.entry("to dan pho", "tổ dân phố"), Map.entry("khu dan cu", "khu dân cư"),
            Map.entry("khu pho", "khu phố"), Map.entry("chi bo", "chi bộ"), Map.entry("tinh", "tỉnh"), Map.entry("quan", "quận"),
            Map.entry("huyen", "huyện"), Map.entry("phuong", "phường"), Map.entry("thon", "thôn"), Map.entry("xom", "xóm"),
            Map.entry("ap", "ấp"), Map.entry("ban", "bản"), Map.entry("to", "tổ"), Map.entry("xa", "xã"));

    private UnitKind() {
    }

    /** The kind a name declares, or the usual one of its level when it declares none. */
    public static String of(String name, Level level) {
        return declared(name, level).orElse(switch (level) {
            case CITY -> "tỉnh";
            case DISTRICT -> "huyện";
            case WARD -> "xã";
            case GROUP -> "tổ dân phố";
        });
    }

    static Optional<String> declared(String name, Level level) {
        String folded = VietnameseText.fold(VietnameseText.clean(name));
        for (Map.Entry<String, String> prefix : PREFIXES) {
            if (folded.startsWith(prefix.getKey() + " ")) {
                return Optional.of(prefix.getValue().equals("thành phố") && level == Level.DISTRICT ? "thành phố thuộc tỉnh" : prefix.getValue());
            }
        }
        return Optional.empty();
    }
}
