package org.gridwork.issue.open311;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The two formats of GeoReport v2, chosen by the path's extension ({@code services.json},
 * {@code services.xml}), not by the Accept header. The content type picks the message converter:
 * Jackson's JSON or XML mapper, both configured by Spring Boot.
 */
enum Open311Format {

    JSON(MediaType.APPLICATION_JSON),
    XML(new MediaType("text", "xml", StandardCharsets.UTF_8));

    private final MediaType type;

    Open311Format(MediaType type) {
        this.type = type;
    }

    static Optional<Open311Format> of(String extension) {
        return switch (extension == null ? "" : extension) {
            case "json" -> Optional.of(JSON);
            case "xml" -> Optional.of(XML);
            default -> Optional.empty();
        };
    }

    ResponseEntity<Object> respond(HttpStatus status, GeoReport.Document document) {
        return ResponseEntity.status(status).contentType(type).body(this == JSON ? document.json() : document);
    }
}
