package org.gridwork.issue.open311;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Every refusal of the Open311 API in the specification's error format, {@code [{"code":400,
 * "description":"..."}]} or {@code <errors><error><code>400</code>...}, in the format the path asked
 * for (JSON when it asked for neither). Ahead of the application's HTML error pages
 * ({@code GlobalExceptionAdvice}), which an API client cannot read.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

    private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<Object> refused(Open311Exception e, HttpServletRequest request) {
        return error(request, e.status(), e.getMessage());
    }

    /**
     * Spring MVC's own refusals (a wrong method, a malformed body) keep their status and short text;
     * anything else is ours: logged, and the client told no more than that.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> failed(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse refusal) {
            HttpStatus status = HttpStatus.resolve(refusal.getStatusCode().value());
            if (status != null && status.is4xxClientError()) {
                return error(request, status, refusal.getBody().getDetail());
            }
        }
        log.error("Open311 request {} failed", request.getRequestURI(), e);
        return error(request, HttpStatus.INTERNAL_SERVER_ERROR, "the request could not be processed: try again later");
    }

    private static ResponseEntity<Object> error(HttpServletRequest request, HttpStatus status, String description) {
        return format(request).respond(status, new GeoReport.Errors(List.of(new GeoReport.Error(status.value(), description))));
    }

    @SuppressWarnings("unchecked")
    private static Open311Format format(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String extension = variables instanceof Map<?, ?> map ? ((Map<String, String>) map).get("format") : null;
        return Open311Format.of(extension).orElse(Open311Format.JSON);
    }
}
