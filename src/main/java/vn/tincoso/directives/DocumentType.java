package vn.tincoso.directives;

import java.util.Optional;


/**
 * The document types a directive code can carry ("ĐA" in "11-ĐA/TU", "NĐ" in "30/2020/NĐ-CP"). A closed
 * list: a code whose type is not here is not a directive code (which keeps "03 năm" and the like out).
 */
public enum DocumentType implements Vocabulary.Term {
    DE_AN("ĐA", "Đề án"),
    CHI_THI("CT", "Chỉ thị"),
    NGHI_QUYET("NQ", "Nghị quyết"),
    KET_LUAN("KL", "Kết luận"),
    HUONG_DAN("HD", "Hướng dẫn"),
    KE_HOACH("KH", "Kế hoạch"),
    QUYET_DINH("QĐ", "Quyết định"),
    QUY_DINH("QĐi", "Quy định"),
    CHUONG_TRINH("CTr", "Chương trình"),
    THONG_BAO("TB", "Thông báo"),
    BAO_CAO("BC", "Báo cáo"),
    TO_TRINH("TTr", "Tờ trình"),
    QUY_CHE("QC", "Quy chế"),
    CONG_VAN("CV", "Công văn"),
    NGHI_DINH("NĐ", "Nghị định"),
    THONG_TU("TT", "Thông tư"),
    THONG_TU_LIEN_TICH("TTLT", "Thông tư liên tịch"),
    /**
     * A document whose code carries no type: the National Assembly's and its Standing Committee's laws, ordinances and
     * resolutions of a year ("202/2025/QH15", "35/2023/UBTVQH15"), which share one numbering.
     */
    VAN_BAN("VB", "Văn bản");

    private final String code;
    private final String label;

    DocumentType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The canonical spelling: "ĐA", "QĐi". */
    @Override
    public String code() {
        return code;
    }

    /** The Vietnamese name: "Đề án". */
    @Override
    public String label() {
        return label;
    }

    /** Accepts any case and spelling without diacritics: "da", "DA", "ĐA" all give {@link #DE_AN}. */
    public static Optional<DocumentType> fromCode(String code) {
        return Terms.VOCABULARY.find(code);
    }

    /** The value of an optional query parameter; null when absent. */
    public static DocumentType fromParameter(String name, String value) {
        return Terms.VOCABULARY.fromParameter(name, value);
    }

    /** Built on first use, after every constant exists. */
    private static final class Terms {
        static final Vocabulary<DocumentType> VOCABULARY = new Vocabulary<>(values(), "loại văn bản");
    }
}
