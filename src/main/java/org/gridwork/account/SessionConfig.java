package org.gridwork.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Session attributes are written with PostgreSQL's upsert: a page and its htmx requests arriving
 * together right after login otherwise race to insert the same attribute (the new CSRF token)
 * and all but one end in a duplicate-key 500.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer accountSessionUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
