package vn.tincoso.directives;

import java.util.Optional;


/** The bodies that issue directives ("TU" in "11-ĐA/TU", "CP" in "30/2020/NĐ-CP"). A closed list, like {@link DocumentType}. */
public enum Issuer implements Vocabulary.Term {
    TRUNG_UONG("TW", "Trung ương"),
    THANH_UY("TU", "Thành ủy/Tỉnh ủy"),
    QUAN_UY("QU", "Quận ủy"),
    HUYEN_UY("HU", "Huyện ủy"),
    THI_UY("TXU", "Thị xã ủy"),
    DANG_UY("ĐU", "Đảng ủy"),
    BAN_BI_THU("BBT", "Ban Bí thư"),
    BO_CHINH_TRI("BCT", "Bộ Chính trị"),
    BAN_TO_CHUC_TW("BTCTW", "Ban Tổ chức Trung ương"),
    BAN_TUYEN_GIAO_TW("BTGTW", "Ban Tuyên giáo Trung ương"),
    BAN_DAN_VAN_TW("BDVTW", "Ban Dân vận Trung ương"),
    UY_BAN_KIEM_TRA_TW("UBKTTW", "Ủy ban Kiểm tra Trung ương"),
    VAN_PHONG_TW("VPTW", "Văn phòng Trung ương Đảng"),
    BAN_TO_CHUC_TU("BTCTU", "Ban Tổ chức Thành ủy"),
    BAN_TUYEN_GIAO_TU("BTGTU", "Ban Tuyên giáo Thành ủy"),
    BAN_DAN_VAN_TU("BDVTU", "Ban Dân vận Thành ủy"),
    UY_BAN_KIEM_TRA_TU("UBKTTU", "Ủy ban Kiểm tra Thành ủy"),
    BAN_CHI_DAO("BCĐ", "Ban Chỉ đạo"),
    CHINH_PHU("CP", "Chính phủ"),
    THU_TUONG("TTg", "Thủ tướng Chính phủ"),
    QUOC_HOI("QH", "Quốc hội"),
    UY_BAN_THUONG_VU_QUOC_HOI("UBTVQH", "Ủy ban Thường vụ Quốc hội"),
    UY_BAN_NHAN_DAN("UBND", "Ủy ban nhân dân"),
    HOI_DONG_NHAN_DAN("HĐND", "Hội đồng nhân dân"),
    BO_NOI_VU("BNV", "Bộ Nội vụ"),
    DAI_HOI("ĐH", "Đại hội Đảng bộ"),
    DANG_UY_KHOI("ĐUK", "Đảng ủy Khối"),
    BAN_THUONG_VU("BTV", "Ban Thường vụ"),
    BAN_TUYEN_GIAO_DAN_VAN_TW("BTGDVTW", "Ban Tuyên giáo và Dân vận Trung ương"),
    BAN_TUYEN_GIAO_DAN_VAN_TU("BTGDVTU", "Ban Tuyên giáo và Dân vận Thành ủy/Tỉnh ủy"),
    BAN_CAN_SU_DANG("BCSĐ", "Ban cán sự đảng"),
    DANG_DOAN("ĐĐ", "Đảng đoàn"),
    QUAN_UY_TW("QUTW", "Quân ủy Trung ương"),
    VAN_PHONG_CHINH_PHU("VPCP", "Văn phòng Chính phủ"),
    BO_CONG_AN("BCA", "Bộ Công an"),
    BO_QUOC_PHONG("BQP", "Bộ Quốc phòng"),
    BO_TAI_CHINH("BTC", "Bộ Tài chính"),
    BO_GIAO_DUC("BGDĐT", "Bộ Giáo dục và Đào tạo"),
    BO_Y_TE("BYT", "Bộ Y tế");

    private final String code;
    private final String label;

    Issuer(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    /** The State's bodies (government, assemblies, people's committees and councils, ministries), not the Party's. */
    public boolean isState() {
        return switch (this) {
            case CHINH_PHU, THU_TUONG, QUOC_HOI, UY_BAN_THUONG_VU_QUOC_HOI, UY_BAN_NHAN_DAN, HOI_DONG_NHAN_DAN, BO_NOI_VU,
                    VAN_PHONG_CHINH_PHU, BO_CONG_AN, BO_QUOC_PHONG, BO_TAI_CHINH, BO_GIAO_DUC, BO_Y_TE -> true;
            default -> false;
        };
    }

    /** Bodies whose codes carry their term: "UBTVQH15", "QH15" (the 15th National Assembly). */
    public boolean hasTerms() {
        return this == QUOC_HOI || this == UY_BAN_THUONG_VU_QUOC_HOI;
    }

    @Override
    public String label() {
        return label;
    }

    /** Accepts any case and spelling without diacritics: "du", "DU", "ĐU" all give {@link #DANG_UY}. */
    public static Optional<Issuer> fromCode(String code) {
        return Terms.VOCABULARY.find(code);
    }

    /** The value of an optional query parameter; null when absent. */
    public static Issuer fromParameter(String name, String value) {
        return Terms.VOCABULARY.fromParameter(name, value);
    }

    /** Built on first use, after every constant exists. */
    private static final class Terms {
        static final Vocabulary<Issuer> VOCABULARY = new Vocabulary<>(values(), "cơ quan ban hành");
    }
}
