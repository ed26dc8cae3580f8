package vn.tincoso.organisations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A unit to add to the tree (a ward the gazetteer lacks, a residential group).
 *
 * @param slug   null to derive it from the name
 * @param parent the parent's slug: a district for a ward, a ward for a group; null only for a city
 */
public record NewOrganisation(
        @Schema(example = "to-dan-pho-so-7-phuong-ngoc-lam")
        @Size(max = 100) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "chỉ gồm chữ thường không dấu, số và dấu -") String slug,
        @Schema(example = "Tổ dân phố số 7", required = true) @NotBlank @Size(max = 200) String name,
        @Schema(enumeration = {"city", "district", "ward", "group"}, required = true)
        @NotBlank @Pattern(regexp = "city|district|ward|group", message = "chỉ nhận city, district, ward hoặc group") String level,
        @Schema(example = "phuong-ngoc-lam") @Size(max = 100) String parent) {
}
