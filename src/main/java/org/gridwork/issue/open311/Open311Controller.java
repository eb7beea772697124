package org.gridwork.issue.open311;

import org.gridwork.shared.security.SystemPrincipal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.gridwork.issue.CategoryService;
import org.gridwork.issue.CategorySummary;
import org.gridwork.issue.IssueQueries;
import org.gridwork.issue.IssuePlacement;
import org.gridwork.issue.IssueService;
import org.gridwork.issue.PublicRequest;
import org.gridwork.shared.BusinessRuleException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.ObjectMapper;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): categories are services, issues
 * are service requests. JSON or XML by the path's extension; errors in the specification's format
 * {@code [{"code":..,"description":..}]}. Only requests that came in through Open311 or the residents' page are public,
 * and never with anything about the person who reported them.
 */
@RestController
@RequestMapping("/open311")
class Open311Controller {

    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    /** The specification's ceiling per response; {@code page_size} (default 100) pages below it. */
    private static final int MAX_RESULTS = 1000;
    private static final int DEFAULT_PAGE_SIZE = 100;

    private final CategoryService categories;
    private final IssueService issues;
    private final IssuePlacement placement;
    private final IssueQueries queries;
    private final Open311Keys keys;
    private final ObjectMapper json;
    private final String jurisdiction;
    private final String contact;
    private final ZoneId zone;
    private final String publicUrl;

    Open311Controller(CategoryService categories, IssueService issues, IssuePlacement placement, IssueQueries queries, Open311Keys keys,
            ObjectMapper json, @Value("${gridwork.open311.jurisdiction-id:gridwork.local}") String jurisdiction,
            @Value("${gridwork.open311.contact:}") String contact,
            org.gridwork.shared.time.BusinessTime time, @Value("${gridwork.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
        this.categories = categories;
        this.issues = issues;
        this.placement = placement;
        this.queries = queries;
        this.keys = keys;
        this.json = json;
        this.jurisdiction = jurisdiction;
        this.contact = contact;
        this.zone = time.zone();
    }

    /** Discovery also where clients look first, beside the versioned path (GeoReport v2 text). */
    @GetMapping({"/v2/discovery.{format}", "/discovery.{format}"})
    ResponseEntity<String> discovery(@PathVariable String format) {
        // the configured public address, never the request's Host header (a forged one would be served
        // back, and cached, to every client); without one, the path alone
        String base = publicUrl + "/open311/v2";
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
        endpoint.put("url", base);
        endpoint.put("changeset", "2026-11-28T00:00:00+08:00");
        endpoint.put("type", "production");
        endpoint.put("formats", new Open311Writer.ListOf("format", List.of("application/json", "text/xml")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("changeset", "2026-11-28T00:00:00+08:00");
        body.put("contact", contact);
        body.put("key_service", "");
        body.put("endpoints", new Open311Writer.ListOf("endpoint", List.of(endpoint)));
        return respond(format, HttpStatus.OK, "discovery", null, body);
    }

    @GetMapping("/v2/services.{format}")
    ResponseEntity<String> services(@PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId, Locale locale) {
        Optional<ResponseEntity<String>> refused = checkJurisdiction(format, jurisdictionId);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<Map<String, Object>> list = new ArrayList<>();
        categories.tree(true).forEach((major, subs) -> {
            for (CategorySummary c : subs) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("service_code", c.code());
                s.put("service_name", c.name(locale));
                s.put("description", major.name(locale) + " / " + c.name(locale));
                s.put("metadata", false);
                s.put("type", "realtime");
                s.put("keywords", "");
                s.put("group", major.name(locale));
                list.add(s);
            }
        });
        return respond(format, HttpStatus.OK, "services", "service", list);
    }

    @GetMapping("/v2/services/{code}.{format}")
    ResponseEntity<String> serviceDefinition(@PathVariable String code, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
        Optional<ResponseEntity<String>> refused = checkJurisdiction(format, jurisdictionId);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (service(code).isEmpty()) {
            return error(format, HttpStatus.NOT_FOUND, "service_code " + code + " not found");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service_code", code);
        body.put("attributes", new Open311Writer.ListOf("attribute", List.of()));
        return respond(format, HttpStatus.OK, "service_definition", null, body);
    }

    @GetMapping("/v2/requests.{format}")
    ResponseEntity<String> requests(@PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
            @RequestParam(name = "service_request_id", required = false) String ids,
            @RequestParam(name = "service_code", required = false) String serviceCode,
            @RequestParam(name = "start_date", required = false) String startDate,
            @RequestParam(name = "end_date", required = false) String endDate,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "page", required = false) String page,
            @RequestParam(name = "page_size", required = false) String pageSize, Locale locale) {
        Optional<ResponseEntity<String>> refused = checkJurisdiction(format, jurisdictionId);
        if (refused.isPresent()) {
            return refused.get();
        }
        int size;
        int pageNumber;
        try {
            size = pageSize == null || pageSize.isBlank() ? DEFAULT_PAGE_SIZE : Integer.parseInt(pageSize.strip());
            pageNumber = page == null || page.isBlank() ? 1 : Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            size = -1;
            pageNumber = -1;
        }
        if (size < 1 || size > MAX_RESULTS || pageNumber < 1 || (long) pageNumber * size > 100_000) {
            return error(format, HttpStatus.BAD_REQUEST,
                    "page_size must be 1 to " + MAX_RESULTS + " and page at least 1 (within the first 100,000 requests)");
        }
        List<Long> idList = new ArrayList<>();
        if (ids != null && !ids.isBlank()) {
            for (String s : ids.split(",")) {
                try {
                    idList.add(Long.parseLong(s.strip()));
                } catch (NumberFormatException e) {
                    return error(format, HttpStatus.BAD_REQUEST, "service_request_id must be numbers separated by commas");
                }
            }
        }
        // GeoReport v2: service_code and status take comma-separated lists; service_request_id
        // (one or several) overrides every other filter
        List<Long> categoryIds = new ArrayList<>();
        if (serviceCode != null && !serviceCode.isBlank()) {
            for (String code : serviceCode.split(",")) {
                if (code.isBlank()) {
                    continue;
                }
                Optional<CategorySummary> c = service(code.strip());
                if (c.isEmpty()) {
                    return error(format, HttpStatus.BAD_REQUEST, "service_code " + code.strip() + " not found");
                }
                categoryIds.add(c.get().id());
            }
        }
        Boolean open = null;
        if (status != null && !status.isBlank()) {
            boolean wantsOpen = false;
            boolean wantsClosed = false;
            for (String s : status.split(",")) {
                switch (s.strip()) {
                    case "open" -> wantsOpen = true;
                    case "closed" -> wantsClosed = true;
                    case "" -> { }
                    default -> {
                        return error(format, HttpStatus.BAD_REQUEST, "status must be open, closed or both separated by a comma");
                    }
                }
            }
            open = wantsOpen == wantsClosed ? null : wantsOpen;
        }
        Instant start;
        Instant end;
        try {
            start = startDate == null || startDate.isBlank() ? null : OffsetDateTime.parse(startDate).toInstant();
            end = endDate == null || endDate.isBlank() ? null : OffsetDateTime.parse(endDate).toInstant();
        } catch (DateTimeParseException e) {
            return error(format, HttpStatus.BAD_REQUEST, "start_date and end_date are W3C datetimes, e.g. 2026-11-28T09:00:00+08:00");
        }
        if (!idList.isEmpty()) {
            categoryIds.clear();
            open = null;
            start = null;
            end = null;
        }
        List<Map<String, Object>> list = queries.publicRequests(idList, categoryIds, start, end, open, size,
                (pageNumber - 1) * size).stream()
                .map(r -> request(r, locale)).toList();
        return respond(format, HttpStatus.OK, "service_requests", "request", list);
    }

    @GetMapping("/v2/requests/{id}.{format}")
    ResponseEntity<String> request(@PathVariable String id, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId, Locale locale) {
        Optional<ResponseEntity<String>> refused = checkJurisdiction(format, jurisdictionId);
        if (refused.isPresent()) {
            return refused.get();
        }
        long requestId;
        try {
            requestId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return error(format, HttpStatus.NOT_FOUND, "service_request_id " + id + " not found");
        }
        List<PublicRequest> found = queries.publicRequests(List.of(requestId), null, null, null, null, 1, 0);
        if (found.isEmpty()) {
            return error(format, HttpStatus.NOT_FOUND, "service_request_id " + id + " not found");
        }
        return respond(format, HttpStatus.OK, "service_requests", "request", List.of(request(found.get(0), locale)));
    }

    @PostMapping("/v2/requests.{format}")
    ResponseEntity<String> create(@PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
            @RequestParam(name = "api_key", required = false) String apiKey,
            @RequestParam(name = "service_code", required = false) String serviceCode,
            @RequestParam(name = "lat", required = false) String lat,
            @RequestParam(name = "long", required = false) String lon,
            @RequestParam(name = "address_string", required = false) String address,
            @RequestParam(name = "address_id", required = false) String addressId,
            @RequestParam(name = "email", required = false) String email,
            @RequestParam(name = "first_name", required = false) String firstName,
            @RequestParam(name = "last_name", required = false) String lastName,
            @RequestParam(name = "phone", required = false) String phone,
            @RequestParam(name = "description", required = false) String description, Locale locale) {
        Optional<ResponseEntity<String>> refused = checkJurisdiction(format, jurisdictionId);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<Open311Keys.ApiKey> key = keys.find(apiKey);
        if (key.isEmpty()) {
            return error(format, HttpStatus.FORBIDDEN, "api_key is missing or not valid");
        }
        if (!keys.tryAcquire(key.get().id())) {
            return error(format, HttpStatus.TOO_MANY_REQUESTS, "too many requests for this api_key: try again in a minute");
        }
        if (serviceCode == null || serviceCode.isBlank()) {
            return error(format, HttpStatus.BAD_REQUEST, "service_code is required");
        }
        Optional<CategorySummary> service = service(serviceCode.strip());
        if (service.isEmpty()) {
            return error(format, HttpStatus.BAD_REQUEST, "service_code " + serviceCode + " not found");
        }
        String text = description == null || description.isBlank() ? service.get().name(locale) : description.strip();
        if (text.length() > 4000) {
            return error(format, HttpStatus.BAD_REQUEST, "description is longer than 4000 characters");
        }
        // said, not cut short: a channel learns its address or contact did not fit (the columns' sizes)
        if (address != null && address.strip().length() > 300) {
            return error(format, HttpStatus.BAD_REQUEST, "address_string is longer than 300 characters ("
                    + address.strip().length() + " given)");
        }
        String reporter = String.join(" ", List.of(nz(firstName), nz(lastName), nz(email), nz(phone))).strip()
                .replaceAll("\\s+", " ");
        if (reporter.length() > 500) {
            return error(format, HttpStatus.BAD_REQUEST, "first_name, last_name, email and phone are longer than 500"
                    + " characters together (" + reporter.length() + " given)");
        }
        boolean noPoint = (lat == null || lat.isBlank()) && (lon == null || lon.isBlank());
        String place = addressOf(address, addressId);
        if (noPoint) {
            // GeoReport v2: a location is lat/long, address_string or address_id. Gridwork geocodes
            // nothing: an address alone lands for a supervisor to place on the map (IssuePlacement)
            if (place == null) {
                return error(format, HttpStatus.BAD_REQUEST, "a location is required: lat and long, address_string or address_id");
            }
            // a channel is not a user: it reports as the system, as requests with a point do
            long id = SystemPrincipal.call("open311 " + key.get().channel(), () -> placement.reportAddressOnly(
                    service.get().id(), text, place, contact(firstName, lastName, email, phone), key.get().id(),
                    key.get().channel()));
            return created(format, id);
        }
        if (lat == null || lat.isBlank() || lon == null || lon.isBlank()) {
            return error(format, HttpStatus.BAD_REQUEST, "lat and long go together");
        }
        double latitude;
        double longitude;
        try {
            latitude = Double.parseDouble(lat);
            longitude = Double.parseDouble(lon);
        } catch (NumberFormatException e) {
            return error(format, HttpStatus.BAD_REQUEST, "lat and long must be decimal degrees (WGS 84)");
        }
        if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
            return error(format, HttpStatus.BAD_REQUEST, "lat and long must be decimal degrees (WGS 84)");
        }
        long id;
        try {
            // an API client is no user: its key was checked above, and the filing runs as the system
            long categoryId = service.get().id();
            String contact = contact(firstName, lastName, email, phone);
            var client = key.get();
            double lonDeg = longitude;
            double latDeg = latitude;
            id = SystemPrincipal.call("open311 " + client.channel(), () -> issues.reportFromOpen311(categoryId, text,
                    lonDeg, latDeg, place, contact, client.id(), client.channel()));
        } catch (BusinessRuleException e) {
            return error(format, HttpStatus.BAD_REQUEST, "the location lies outside the service area");
        }
        return created(format, id);
    }

    private ResponseEntity<String> created(String format, long id) {
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("service_request_id", String.valueOf(id));
        created.put("service_notice", "");
        created.put("account_id", null);
        return respond(format, HttpStatus.OK, "service_requests", "request", List.of(created));
    }

    private Map<String, Object> request(PublicRequest r, Locale locale) {
        CategorySummary c = categories.get(r.categoryId());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", String.valueOf(r.id()));
        m.put("status", r.open() ? "open" : "closed");
        m.put("status_notes", null);
        m.put("service_name", c.name(locale));
        m.put("service_code", c.code());
        m.put("description", r.description());
        m.put("agency_responsible", null);
        m.put("service_notice", null);
        m.put("requested_datetime", w3c(r.requestedAt()));
        m.put("updated_datetime", w3c(r.updatedAt()));
        m.put("expected_datetime", w3c(r.expectedAt()));
        m.put("address", r.address());
        m.put("address_id", null);
        m.put("zipcode", null);
        m.put("lat", r.latitude());
        m.put("long", r.longitude());
        m.put("media_url", null);
        return m;
    }

    private Optional<CategorySummary> service(String code) {
        return categories.findByCode(code).filter(c -> c.subclass() && c.active());
    }

    private Optional<ResponseEntity<String>> checkJurisdiction(String format, String jurisdictionId) {
        if (jurisdictionId != null && !jurisdictionId.isBlank() && !jurisdictionId.equals(jurisdiction)) {
            return Optional.of(error(format, HttpStatus.NOT_FOUND, "jurisdiction_id " + jurisdictionId + " not found"));
        }
        return Optional.empty();
    }

    private String w3c(Instant t) {
        return t == null ? null : W3C.format(t.atZone(zone));
    }

    private static String contact(String first, String last, String email, String phone) {
        String s = String.join(" ", List.of(nz(first), nz(last), nz(email), nz(phone))).strip().replaceAll("\\s+", " ");
        return s.isEmpty() ? null : trim(s, 500);
    }

    /** What the request says of the place: the address, else the channel's address id (kept as text, 300 at most). */
    private static String addressOf(String address, String addressId) {
        if (address != null && !address.isBlank()) {
            return trim(address, 300);
        }
        return addressId == null || addressId.isBlank() ? null : trim("address_id " + addressId.strip(), 300);
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }

    private static String trim(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return s.length() > max ? s.substring(0, max) : s.strip();
    }

    private ResponseEntity<String> error(String format, HttpStatus status, String description) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", status.value());
        e.put("description", description);
        return respond(format, status, "errors", "error", List.of(e));
    }

    private ResponseEntity<String> respond(String format, HttpStatus status, String root, String item, Object body) {
        if ("xml".equals(format)) {
            return ResponseEntity.status(status).contentType(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8))
                    .body(Open311Writer.xml(root, item, body));
        }
        if (!"json".equals(format)) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("code", 404);
            e.put("description", "format " + format + " not supported: use json or xml");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                    .body(Open311Writer.json(json, List.of(e)));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Open311Writer.json(json, body));
    }
}
