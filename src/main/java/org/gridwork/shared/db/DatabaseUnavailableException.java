package org.gridwork.shared.db;

/** Raised at start-up when no database can serve; turned into a plain message by {@link DatabaseFailureAnalyzer}. */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message) {
        super(message);
    }
}
