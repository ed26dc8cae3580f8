package vn.tincoso.directives;

import java.util.Optional;

import vn.tincoso.web.QueryParameters;

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
    BO_NOI_VU("BNV", "Bộ Nội vụ");

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

    @Override
    public String label() {
        return label;
    }

    /** Accepts any case and spelling without diacritics: "du", "DU", "ĐU" all give {@link #DANG_UY}. */
    public static Optional<Issuer> fromCode(String code) {
        return Terms.VOCABULARY.find(code);
    }

    /** The value of an optional query parameter; null when absent. */
    public static Issuer fromParameter(QueryParameters params, String name) {
        return Terms.VOCABULARY.fromParameter(params, name);
    }

    /** Built on first use, after every constant exists. */
    private static final class Terms {
        static final Vocabulary<Issuer> VOCABULARY = new Vocabulary<>(values(), "cơ quan ban hành");
    }
}
