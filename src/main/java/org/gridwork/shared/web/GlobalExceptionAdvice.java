package org.gridwork.shared.web;

import jakarta.servlet.http.HttpServletResponse;

import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Turns the domain's refusals into pages in the layout: 404 for missing or out-of-scope records,
 * 409 when someone else changed the record first, 400 for a refused business rule.
 */
@ControllerAdvice
class GlobalExceptionAdvice {

    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, HttpServletResponse response) {
        log.debug("404: {}", e.getMessage());
        response.setStatus(404);
        return "error/404";
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    String conflict(HttpServletResponse response) {
        response.setStatus(409);
        return "error/409";
    }

    @ExceptionHandler(BusinessRuleException.class)
    String refused(BusinessRuleException e, Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("messageKey", e.messageKey());
        model.addAttribute("messageArgs", e.args());
        return "error/400";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(MaxUploadSizeExceededException e, Model model, HttpServletResponse response) {
        response.setStatus(413);
        model.addAttribute("messageKey", e.getMaxUploadSize() > 0 ? "error.upload.tooLargeLimit" : "error.upload.tooLarge");
        model.addAttribute("messageArgs", new Object[] {Math.max(1, e.getMaxUploadSize() / (1024 * 1024))});
        return "error/413";
    }
}
