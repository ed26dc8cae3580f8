package vn.tincoso.organisations;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A rename and/or a move; an absent field stays as it is.
 *
 * @param parent the new parent's slug, one level up
 */
public record OrganisationChange(
        @Schema(example = "Phường Mỹ Đình Một") @Size(min = 1, max = 200) String name,
        @Schema(example = "quan-nam-tu-liem") @Size(min = 1, max = 100) String parent) {

    /** The body of POST /organisations/{slug}/merge: the successor's slug. */
    public record Merge(@Schema(example = "phuong-my-dinh") @jakarta.validation.constraints.NotBlank String into) {
    }
}
