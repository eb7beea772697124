package org.gridwork.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The size limit of each upload. The multipart parser's own limit is the largest of them (the
 * division import's, a national file is ~34 MB), so that every smaller limit is refused here, as
 * a page in the layout in the user's language (GlobalExceptionAdvice), instead of by Tomcat.
 * Tomcat's max-swallow-size is as large, so the browser receives the page rather than a reset
 * connection while it is still sending.
 */
class UploadLimits implements HandlerInterceptor {

    /** The division import: all of China's 665,276 divisions in 12-digit codes, with room. */
    static final String DIVISIONS_PATH = "/admin/territory/import";

    private final DataSize defaultLimit;
    private final DataSize divisionsLimit;

    UploadLimits(DataSize defaultLimit, DataSize divisionsLimit) {
        this.defaultLimit = defaultLimit;
        this.divisionsLimit = divisionsLimit;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String type = request.getContentType();
        if (!"POST".equals(request.getMethod()) || type == null || !type.toLowerCase().startsWith("multipart/")) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long limit = (path.equals(DIVISIONS_PATH) ? divisionsLimit : defaultLimit).toBytes();
        if (request.getContentLengthLong() > limit) {
            throw new MaxUploadSizeExceededException(limit);
        }
        return true;
    }
}
