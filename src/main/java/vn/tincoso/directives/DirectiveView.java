package vn.tincoso.directives;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * A directive as the API prints it, in article payloads and in the registry.
 *
 * @param articleCount published articles implementing it; only in the registry endpoints
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RecordBuilder
public record DirectiveView(
        @Schema(example = "11-ĐA/TU") String code,
        @Schema(example = "11-da-tu") String slug,
        @Schema(example = "11") String number,
        @Schema(description = "Năm ban hành, chỉ với văn bản nhà nước (30/2020/NĐ-CP)") Integer year,
        @Schema(example = "ĐA") String type,
        @Schema(example = "Đề án") String typeName,
        @Schema(example = "TU") String issuer,
        @Schema(example = "Thành ủy/Tỉnh ủy") String issuerName,
        @Schema(example = "2021-12-06") LocalDate issuedOn,
        @Schema(example = "Ban Thường vụ Thành ủy Hà Nội") String issuedBy,
        @Schema(example = "Nâng cao chất lượng sinh hoạt chi bộ thuộc Đảng bộ Thành phố Hà Nội trong tình hình mới") String title,
        Long articleCount) {

    public static DirectiveView of(Directive directive, Long articleCount) {
        // The stored type and issuer codes were written from a parsed code: they are always known terms.
        DocumentType type = DocumentType.fromCode(directive.docType).orElseThrow();
        Issuer issuer = Issuer.fromCode(directive.issuer).orElseThrow();
        return DirectiveViewBuilder.builder()
                .code(directive.code).slug(directive.slug).number(directive.number).year(directive.year)
                .type(type.code()).typeName(type.label()).issuer(issuer.code()).issuerName(issuer.label())
                .issuedOn(directive.issuedOn).issuedBy(directive.issuedBy).title(directive.title)
                .articleCount(articleCount)
                .build();
    }
}
