package org.gridwork.issue.open311;

import org.springframework.http.HttpStatus;

/** A request Open311 refuses: the status and the description of the GeoReport error ({@link Open311Errors}). */
class Open311Exception extends RuntimeException {

    private final HttpStatus status;

    Open311Exception(HttpStatus status, String description) {
        super(description, null, false, false);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
