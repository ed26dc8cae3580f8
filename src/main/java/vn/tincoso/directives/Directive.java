package vn.tincoso.directives;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A registered directive: its canonical code and what is known about the document. */
@Entity
@Table(name = "directive")
public class Directive {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    public String slug;

    public String number;

    public Integer year;

    public String docType;

    public String issuer;

    public LocalDate issuedOn;

    /** The issuing body as the text names it: "Ban Thường vụ Thành ủy Hà Nội". */
    public String issuedBy;

    public String title;

    public Instant createdAt;

    public Instant updatedAt;

    /** The parsed form of {@link #code}; always parses, since only parsed codes are stored. */
    public DirectiveCode parsedCode() {
        return DirectiveCode.parse(code).orElseThrow(() -> new IllegalStateException("unparseable stored code " + code));
    }
}
