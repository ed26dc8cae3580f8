package vn.tincoso.articles;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One change to an article: who, when, what kind, and each changed field's old and new value. */
@Entity
@Table(name = "article_revision")
public class Revision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long articleId;

    public int version;

    public String actor;

    public Instant at;

    public String action;

    /** field → {"from": old, "to": new} */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> changes;
}
