package vn.tincoso.organisations;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How an article names its organisation, and each link of an organisation chain. */
public record OrganisationRef(
        @Schema(example = "phuong-my-dinh-1") String slug,
        @Schema(example = "Phường Mỹ Đình 1") String name,
        @Schema(enumeration = {"city", "district", "ward", "group"}, example = "ward") String level,
        @Schema(description = "Loại đơn vị như các cổng thông tin viết: tỉnh, thành phố, quận, huyện, thị xã, "
                + "thành phố thuộc tỉnh, phường, xã, thị trấn, đặc khu, tổ dân phố, thôn, chi bộ…", example = "phường") String kind) {

    public static OrganisationRef of(Organisation organisation) {
        return new OrganisationRef(organisation.slug, organisation.name, organisation.level.code(), organisation.kind);
    }
}
