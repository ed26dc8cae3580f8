package vn.tincoso.directives;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an admin corrects in the registry; an absent field stays as it is. */
public record DirectiveChange(
        @Schema(example = "Nâng cao chất lượng sinh hoạt chi bộ thuộc Đảng bộ Thành phố Hà Nội trong tình hình mới")
        @Size(min = 1, max = 1_000) String title,
        @Schema(example = "2021-12-06") LocalDate issuedOn,
        @Schema(example = "Ban Thường vụ Thành ủy Hà Nội") @Size(min = 1, max = 300) String issuedBy) {
}
