package org.gridwork.shared.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;

/**
 * {@link ControlCharacterFilter} for multipart forms: their text fields and file names are only
 * readable once the dispatcher has parsed the parts (doing it in the filter would parse them before
 * the upload size limits can answer). A NUL in an issue description, visit findings or a file name
 * reached PostgreSQL, which refuses it, and became a 500; now it is the 400 page.
 */
class MultipartControlCharacters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        // the parsed parts may sit under wrappers (security's, the session's)
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            return true;
        }
        for (Map.Entry<String, String[]> p : multipart.getParameterMap().entrySet()) {
            if (hasNul(p.getKey()) || p.getValue() != null && java.util.Arrays.stream(p.getValue()).anyMatch(MultipartControlCharacters::hasNul)) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return false;
            }
        }
        for (MultipartFile file : multipart.getMultiFileMap().values().stream().flatMap(java.util.List::stream).toList()) {
            if (hasNul(file.getOriginalFilename())) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return false;
            }
        }
        return true;
    }

    private static boolean hasNul(String s) {
        return s != null && s.indexOf('\0') >= 0;
    }
}
