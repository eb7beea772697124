package org.gridwork.issue.open311;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The query of {@code GET requests.{format}} under GeoReport v2's parameter names. Kept as text and
 * read here, so that a wrong value is refused in the specification's error format rather than by
 * Spring's binding.
 */
record RequestFilter(@BindParam("jurisdiction_id") String jurisdictionId,
        @BindParam("service_request_id") String serviceRequestId,
        @BindParam("service_code") String serviceCode,
        @BindParam("start_date") String startDate,
        @BindParam("end_date") String endDate,
        String status,
        String page,
        @BindParam("page_size") String pageSize) {

    /** The specification's ceiling per response; {@code page_size} (default 100) pages below it. */
    static final int MAX_RESULTS = 1000;
    static final int DEFAULT_PAGE_SIZE = 100;
    /** How deep paging goes: beyond, a client narrows by date instead. */
    private static final long DEEPEST = 100_000;

    /** A page of the list: how many requests, after how many. */
    record Page(int size, int offset) {
    }

    /** The page asked for (the first is 1). */
    Page paging() {
        int size;
        int number;
        try {
            size = blank(pageSize) ? DEFAULT_PAGE_SIZE : Integer.parseInt(pageSize.strip());
            number = blank(page) ? 1 : Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            size = -1;
            number = -1;
        }
        if (size < 1 || size > MAX_RESULTS || number < 1 || (long) number * size > DEEPEST) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST,
                    "page_size must be 1 to " + MAX_RESULTS + " and page at least 1 (within the first 100,000 requests)");
        }
        return new Page(size, (number - 1) * size);
    }

    /** The requests asked for by id; when there are any, they override every other filter (GeoReport v2). */
    List<Long> ids() {
        List<Long> ids = new ArrayList<>();
        if (!blank(serviceRequestId)) {
            for (String s : serviceRequestId.split(",")) {
                try {
                    ids.add(Long.parseLong(s.strip()));
                } catch (NumberFormatException e) {
                    throw new Open311Exception(HttpStatus.BAD_REQUEST, "service_request_id must be numbers separated by commas");
                }
            }
        }
        return ids;
    }

    /** The service codes asked for (a comma-separated list), blanks left out. */
    List<String> serviceCodes() {
        List<String> codes = new ArrayList<>();
        if (!blank(serviceCode)) {
            for (String code : serviceCode.split(",")) {
                if (!code.isBlank()) {
                    codes.add(code.strip());
                }
            }
        }
        return codes;
    }

    /** Open only (true), closed only (false), or both (null): {@code status} is open, closed or both. */
    Boolean open() {
        if (blank(status)) {
            return null;
        }
        boolean wantsOpen = false;
        boolean wantsClosed = false;
        for (String s : status.split(",")) {
            switch (s.strip()) {
                case "open" -> wantsOpen = true;
                case "closed" -> wantsClosed = true;
                case "" -> { }
                default -> throw new Open311Exception(HttpStatus.BAD_REQUEST,
                        "status must be open, closed or both separated by a comma");
            }
        }
        return wantsOpen == wantsClosed ? null : wantsOpen;
    }

    Instant start() {
        return instant(startDate);
    }

    Instant end() {
        return instant(endDate);
    }

    private static Instant instant(String w3c) {
        try {
            return blank(w3c) ? null : OffsetDateTime.parse(w3c).toInstant();
        } catch (DateTimeParseException e) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST,
                    "start_date and end_date are W3C datetimes, e.g. 2026-11-28T09:00:00+08:00");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
