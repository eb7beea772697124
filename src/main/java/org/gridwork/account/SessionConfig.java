package org.gridwork.account;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How sessions are written to PostgreSQL (tables from V40).
 */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

    /**
     * The session row is rewritten only when something in it changed, or when its last access is
     * a minute old or more: {@link QuietSessionRepository} skips the statement when it can tell,
     * and this UPDATE skips the write when another instance moved the last access on meanwhile.
     * An idle session ends at most a minute before its 30 minutes are up.
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

    /**
     * What the session filter uses: the JDBC store, written only when something changed. It wraps
     * the store Boot builds (with its settings and customizers) in place, as a bean of type
     * SessionRepository would make Boot build none.
     */
    @Bean
    static BeanPostProcessor quietSessionRepository() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository store ? new QuietSessionRepository(store) : bean;
            }
        };
    }

    /** Just outside Spring Session's filter, on every dispatch: see {@link SessionReadBackFilter}. */
    @Bean
    FilterRegistrationBean<SessionReadBackFilter> sessionReadBackFilter() {
        FilterRegistrationBean<SessionReadBackFilter> registration = new FilterRegistrationBean<>(new SessionReadBackFilter());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        return registration;
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> accountSessionWriteWhenChanged() {
        return repository -> repository.setUpdateSessionQuery(UPDATE_SESSION_WHEN_CHANGED);
    }

    /**
     * Sessions are read and written without a transaction of their own: reading is one SELECT, and
     * the usual write one conditional UPDATE, each atomic alone. A transaction around them cost
     * every page view two more round trips (COMMIT after the read and after the write); through
     * the application's JPA transaction manager it also opened an EntityManager. A new session's
     * insert and its attributes' upserts may land apart, which a session can bear.
     */
    @Bean("springSessionTransactionOperations")
    TransactionOperations springSessionTransactionOperations() {
        return TransactionOperations.withoutTransaction();
    }

    /** Boot leaves out its own template once any TransactionOperations bean exists: this is that one, unchanged. */
    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }
}
