package org.gridwork.issue.open311;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gridwork.issue.CategoryService;
import org.gridwork.issue.CategorySummary;
import org.gridwork.issue.IssuePlacement;
import org.gridwork.issue.IssueQueries;
import org.gridwork.issue.IssueService;
import org.gridwork.issue.PublicRequest;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.security.SystemPrincipal;
import org.gridwork.shared.time.BusinessTime;
import org.gridwork.shared.web.PublicUrl;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): categories are services, issues
 * are service requests. JSON or XML by the path's extension ({@link Open311Format}), the documents
 * in {@link GeoReport}; a refusal is an {@link Open311Exception} that {@link Open311Errors} writes in
 * the specification's error format. Only requests that came in through Open311 or the residents'
 * page are public, and never with anything about the person who reported them.
 */
@RestController
@RequestMapping("/open311")
@EnableConfigurationProperties(Open311Settings.class)
class Open311Controller {

    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final String CHANGESET = "2026-11-28T00:00:00+08:00";

    private final CategoryService categories;
    private final IssueService issues;
    private final IssuePlacement placement;
    private final IssueQueries queries;
    private final Open311Keys keys;
    private final Open311Settings settings;
    private final ZoneId zone;
    private final String publicUrl;

    Open311Controller(CategoryService categories, IssueService issues, IssuePlacement placement, IssueQueries queries,
            Open311Keys keys, Open311Settings settings, BusinessTime time, PublicUrl publicUrl) {
        this.categories = categories;
        this.issues = issues;
        this.placement = placement;
        this.queries = queries;
        this.keys = keys;
        this.settings = settings;
        this.zone = time.zone();
        this.publicUrl = publicUrl.base();
    }

    /** Discovery also where clients look first, beside the versioned path (GeoReport v2 text). */
    @GetMapping({"/v2/discovery.{format}", "/discovery.{format}"})
    ResponseEntity<Object> discovery(@PathVariable String format) {
        // the configured public address, never the request's Host header; without one, the path alone
        var endpoint = new GeoReport.Endpoint("http://wiki.open311.org/GeoReport_v2", publicUrl + "/open311/v2", CHANGESET,
                "production", List.of("application/json", "text/xml"));
        return format(format).respond(HttpStatus.OK,
                new GeoReport.Discovery(CHANGESET, settings.contact(), "", List.of(endpoint)));
    }

    @GetMapping("/v2/services.{format}")
    ResponseEntity<Object> services(@PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId, Locale locale) {
        Open311Format answer = format(format);
        checkJurisdiction(jurisdictionId);
        List<GeoReport.Service> list = new ArrayList<>();
        categories.tree(true).forEach((major, subs) -> {
            for (CategorySummary c : subs) {
                list.add(new GeoReport.Service(c.code(), c.name(locale), major.name(locale) + " / " + c.name(locale), false,
                        "realtime", "", major.name(locale)));
            }
        });
        return answer.respond(HttpStatus.OK, new GeoReport.Services(list));
    }

    @GetMapping("/v2/services/{code}.{format}")
    ResponseEntity<Object> serviceDefinition(@PathVariable String code, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
        Open311Format answer = format(format);
        checkJurisdiction(jurisdictionId);
        if (service(code).isEmpty()) {
            throw new Open311Exception(HttpStatus.NOT_FOUND, "service_code " + code + " not found");
        }
        return answer.respond(HttpStatus.OK, new GeoReport.ServiceDefinition(code, List.of()));
    }

    @GetMapping("/v2/requests.{format}")
    ResponseEntity<Object> requests(@PathVariable String format, RequestFilter filter, Locale locale) {
        Open311Format answer = format(format);
        checkJurisdiction(filter.jurisdictionId());
        RequestFilter.Page page = filter.paging();
        List<Long> ids = filter.ids();
        List<Long> categoryIds = new ArrayList<>();
        for (String code : filter.serviceCodes()) {
            categoryIds.add(service(code).orElseThrow(() -> new Open311Exception(HttpStatus.BAD_REQUEST,
                    "service_code " + code + " not found")).id());
        }
        Boolean open = filter.open();
        Instant start = filter.start();
        Instant end = filter.end();
        // GeoReport v2: service_request_id (one or several) overrides every other filter
        if (!ids.isEmpty()) {
            categoryIds.clear();
            open = null;
            start = null;
            end = null;
        }
        List<GeoReport.ServiceRequest> list = queries.publicRequests(ids, categoryIds, start, end, open, page.size(),
                page.offset()).stream().map(r -> request(r, locale)).toList();
        return answer.respond(HttpStatus.OK, new GeoReport.ServiceRequests(list));
    }

    @GetMapping("/v2/requests/{id}.{format}")
    ResponseEntity<Object> request(@PathVariable String id, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId, Locale locale) {
        Open311Format answer = format(format);
        checkJurisdiction(jurisdictionId);
        long requestId;
        try {
            requestId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new Open311Exception(HttpStatus.NOT_FOUND, "service_request_id " + id + " not found");
        }
        PublicRequest found = queries.publicRequests(List.of(requestId), null, null, null, null, 1, 0).stream().findFirst()
                .orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND, "service_request_id " + id + " not found"));
        return answer.respond(HttpStatus.OK, new GeoReport.ServiceRequests(List.of(request(found, locale))));
    }

    @PostMapping("/v2/requests.{format}")
    ResponseEntity<Object> create(@PathVariable String format, NewServiceRequest form, Locale locale) {
        Open311Format answer = format(format);
        checkJurisdiction(form.jurisdictionId());
        Open311Keys.ApiKey key = keys.find(form.apiKey())
                .orElseThrow(() -> new Open311Exception(HttpStatus.FORBIDDEN, "api_key is missing or not valid"));
        if (!keys.tryAcquire(key.id())) {
            throw new Open311Exception(HttpStatus.TOO_MANY_REQUESTS, "too many requests for this api_key: try again in a minute");
        }
        if (form.serviceCode() == null || form.serviceCode().isBlank()) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "service_code is required");
        }
        CategorySummary service = service(form.serviceCode().strip()).orElseThrow(() -> new Open311Exception(
                HttpStatus.BAD_REQUEST, "service_code " + form.serviceCode() + " not found"));
        String text = form.text(service.name(locale));
        String place = form.place();
        String contact = form.contact();
        // an API client is no user: its key was checked above, and the filing runs as the system
        String actor = "open311 " + key.channel();
        long id;
        if (!form.hasPoint()) {
            // GeoReport v2: a location is lat/long, address_string or address_id. Gridwork geocodes
            // nothing: an address alone lands for a supervisor to place on the map (IssuePlacement)
            if (place == null) {
                throw new Open311Exception(HttpStatus.BAD_REQUEST, "a location is required: lat and long, address_string or address_id");
            }
            id = SystemPrincipal.call(actor, () -> placement.reportAddressOnly(service.id(), text, place, contact, key.id(),
                    key.channel()));
        } else {
            NewServiceRequest.Point point = form.point();
            try {
                id = SystemPrincipal.call(actor, () -> issues.reportFromOpen311(service.id(), text, point.longitude(),
                        point.latitude(), place, contact, key.id(), key.channel()));
            } catch (BusinessRuleException e) {
                throw new Open311Exception(HttpStatus.BAD_REQUEST, "the location lies outside the service area");
            }
        }
        return answer.respond(HttpStatus.OK,
                new GeoReport.ServiceRequests(List.of(new GeoReport.Created(String.valueOf(id), "", null))));
    }

    private GeoReport.ServiceRequest request(PublicRequest r, Locale locale) {
        CategorySummary c = categories.get(r.categoryId());
        return new GeoReport.ServiceRequest(String.valueOf(r.id()), r.open() ? "open" : "closed", null, c.name(locale),
                c.code(), r.description(), null, null, w3c(r.requestedAt()), w3c(r.updatedAt()), w3c(r.expectedAt()),
                r.address(), null, null, r.latitude(), r.longitude(), null);
    }

    private static Open311Format format(String extension) {
        return Open311Format.of(extension).orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND,
                "format " + extension + " not supported: use json or xml"));
    }

    private Optional<CategorySummary> service(String code) {
        return categories.findByCode(code).filter(c -> c.subclass() && c.active());
    }

    private void checkJurisdiction(String jurisdictionId) {
        if (jurisdictionId != null && !jurisdictionId.isBlank() && !jurisdictionId.equals(settings.jurisdictionId())) {
            throw new Open311Exception(HttpStatus.NOT_FOUND, "jurisdiction_id " + jurisdictionId + " not found");
        }
    }

    private String w3c(Instant t) {
        return t == null ? null : W3C.format(t.atZone(zone));
    }
}
