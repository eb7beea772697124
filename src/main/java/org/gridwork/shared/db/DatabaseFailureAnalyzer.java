package org.gridwork.shared.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows what to set instead of a stack trace when Gridwork finds no database. */
public class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, DatabaseUnavailableException cause) {
        return new FailureAnalysis(
                "Gridwork found no database. " + cause.getMessage(),
                """
                Do one of these:
                  - set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD
                    to a PostgreSQL database (version 13 or newer);
                  - start PostgreSQL on localhost:5432 (or set GRIDWORK_DATABASE_HOST/PORT/USERNAME/PASSWORD);
                  - run as a normal (non-root) user so that the embedded PostgreSQL can start under ./data/.""",
                cause);
    }
}
