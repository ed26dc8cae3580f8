package vn.tincoso.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.customized.QuarkusConnectionProvider;
import io.quarkus.hibernate.orm.runtime.tenant.TenantConnectionResolver;

/**
 * The connection pool behind each of {@link ReadRouting}'s choices: the default datasource (the primary, which
 * Flyway migrates) and the datasource named "replica" (QUARKUS_DATASOURCE_REPLICA_JDBC_URL), a streaming
 * replica of the primary that is only ever read.
 */
@ApplicationScoped
@PersistenceUnitExtension
public class DatasourceConnections implements TenantConnectionResolver {

    private final ConnectionProvider primary;
    private final Instance<AgroalDataSource> replica;

    DatasourceConnections(AgroalDataSource primary, @DataSource(ReadRouting.REPLICA) Instance<AgroalDataSource> replica) {
        this.primary = new QuarkusConnectionProvider(primary);
        this.replica = replica;
    }

    @Override
    public ConnectionProvider resolve(String tenantId) {
        if (!ReadRouting.REPLICA.equals(tenantId)) {
            return primary;
        }
        // Looked up on first use (Quarkus keeps the answer per tenant): without a URL the replica's pool is
        // inactive and must not be touched.
        return new QuarkusConnectionProvider(replica.get());
    }
}
