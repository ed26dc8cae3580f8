package vn.tincoso.organisations;

import java.time.Instant;

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

    @Column(name = "parent_id")
    public Long parentId;

    /** The unit this one was merged into; null while it stands on its own. */
    @Column(name = "successor_id")
    public Long successorId;

    public Instant createdAt;

    public Instant updatedAt;
}
