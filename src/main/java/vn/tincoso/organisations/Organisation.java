package vn.tincoso.organisations;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A unit in the tree. Its ltree path is kept by the database from parent_id (see V2 migration) and is
 * not mapped here: the application never writes it, and reads it only in tree queries.
 */
@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;

    public String name;

    public Level level;

    /** As portals write it: "phường", "xã", "thành phố thuộc tỉnh", "tổ dân phố", "chi bộ" … */
    public String kind;

    /** The General Statistics Office's code; null for units the registers do not list (groups, some 2024-25 units). */
    public String gsoCode;

    /** First day in force; null when the sources do not say (every unit before the 2025 reorganisation). */
    public LocalDate validFrom;

    /** Last day in force; null while it still is. */
    public LocalDate validTo;

    /** Loaded from the gazetteer (a reload updates it), rather than added by an import or an admin. */
    public boolean gazetteer;

    /** Its parent for the whole of its validity; null for a province or centrally-run city. */
    @Column(name = "parent_id")
    public Long parentId;

    public Instant createdAt;

    public Instant updatedAt;

    /** Whether it was in force on that day. */
    public boolean validOn(LocalDate day) {
        return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
    }
}
