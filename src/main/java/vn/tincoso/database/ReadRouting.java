package vn.tincoso.database;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;

import vn.tincoso.web.CurrentRequest;
import vn.tincoso.web.PublicReads;

/**
 * Chooses, each time Hibernate opens a session, the database it talks to: the read replica for public reads
 * ({@link PublicReads#isPublicRead}) when one is configured, the primary for everything else:
 * writes, authenticated reads (an editor's drafts), scheduled jobs, start-up, and any request that sends
 * {@code Consistency: strong} to read what it has just written. Without a replica, always the primary.
 * <p>
 * The choice rides on Hibernate ORM's database-per-tenant mechanism, with two "tenants" that are two
 * connection pools to the same data ({@link DatasourceConnections}).
 */
@ApplicationScoped
@PersistenceUnitExtension
public class ReadRouting implements TenantResolver {

    public static final String PRIMARY = "primary";
    public static final String REPLICA = "replica";

    private final boolean replicaConfigured;

    ReadRouting(@ConfigProperty(name = "quarkus.datasource.replica.jdbc.url") Optional<String> replicaUrl) {
        this.replicaConfigured = replicaUrl.filter(url -> !url.isBlank()).isPresent();
    }

    @Override
    public String getDefaultTenantId() {
        return PRIMARY;
    }

    @Override
    public String resolveTenantId() {
        return replicaConfigured && CurrentRequest.get().filter(PublicReads::isPublicRead).isPresent() ? REPLICA : PRIMARY;
    }
}
