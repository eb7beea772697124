package org.gridwork.account;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How sessions are written to PostgreSQL (tables from V40).
 */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

    /**
     * The session row is rewritten only when something in it changed, or when its last access is
     * a minute old or more. Every request moves the last access on, and writing that each time
     * made every page view a write and a WAL flush; an idle session now ends at most a minute
     * before its 30 minutes are up.
     */
    static final String UPDATE_SESSION_WHEN_CHANGED = """
            UPDATE %TABLE_NAME% AS s
            SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
                MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time,
                PRINCIPAL_NAME = v.principal_name
            FROM (SELECT CAST(? AS char(36)) AS session_id, CAST(? AS bigint) AS last_access_time,
                         CAST(? AS int) AS max_inactive_interval, CAST(? AS bigint) AS expiry_time,
                         CAST(? AS varchar(100)) AS principal_name, CAST(? AS char(36)) AS primary_id) AS v
            WHERE s.PRIMARY_ID = v.primary_id
              AND (s.SESSION_ID <> v.session_id OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
                   OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
                   OR v.last_access_time - s.LAST_ACCESS_TIME >= 60000)
            """;

    /**
     * Attributes are written with PostgreSQL's upsert: a page and its htmx requests arriving
     * together right after login otherwise race to insert the same attribute (the new CSRF token)
     * and all but one end in a duplicate-key 500.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer accountSessionUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> accountSessionWriteWhenChanged() {
        return repository -> repository.setUpdateSessionQuery(UPDATE_SESSION_WHEN_CHANGED);
    }

    /**
     * Sessions are read and written in plain JDBC transactions of their own (as Spring Session
     * does by default: a new one each time). Through the application's JPA transaction manager
     * every request opened and closed an EntityManager just to read its session.
     */
    @Bean("springSessionTransactionOperations")
    TransactionOperations springSessionTransactionOperations(DataSource dataSource) {
        TransactionTemplate template = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template::execute;
    }

    /** Boot leaves out its own template once any TransactionOperations bean exists: this is that one, unchanged. */
    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }
}
