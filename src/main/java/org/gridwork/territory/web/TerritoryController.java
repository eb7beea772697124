package org.gridwork.territory.web;

import java.util.List;

import org.gridwork.account.AccountService;
import org.gridwork.account.CurrentUsers;
import org.gridwork.account.Role;
import org.gridwork.territory.AreaPicker;
import org.gridwork.territory.Boundaries;
import org.gridwork.territory.GridDetails;
import org.gridwork.territory.Grids;
import org.gridwork.territory.RegionLevel;
import org.gridwork.territory.RegionSummary;
import org.gridwork.territory.Regions;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The territory as supervisors and admins see it: the division tree with counts, search, the
 * grid card, the map of a subtree and GeoJSON downloads. What is shown is cut by data scope in
 * {@link Regions}, {@link Grids} and {@link Boundaries}; anything outside answers 404.
 */
@Controller
@RequestMapping("/territory")
class TerritoryController {

    /** Dates are shown in China Standard Time, the only time zone of the towns Gridwork serves. */
    private static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");

    private final Regions regions;
    private final Grids grids;
    private final Boundaries boundaries;
    private final AreaPicker areaPicker;
    private final AccountService accounts;
    private final CurrentUsers currentUsers;
    private final org.gridwork.shared.time.BusinessTime time;

    TerritoryController(Regions regions, Grids grids, Boundaries boundaries, AreaPicker areaPicker,
            AccountService accounts, CurrentUsers currentUsers,
            org.gridwork.shared.time.BusinessTime time) {
        this.time = time;
        this.regions = regions;
        this.grids = grids;
        this.boundaries = boundaries;
        this.areaPicker = areaPicker;
        this.accounts = accounts;
        this.currentUsers = currentUsers;
    }

    @GetMapping
    String browse(@RequestParam(required = false) Long region, Model model) {
        if (region == null) {
            model.addAttribute("nodes", regions.nodes(regions.roots()));
            model.addAttribute("breadcrumbs", List.of());
            return "territory/browse";
        }
        RegionSummary current = regions.region(region);
        model.addAttribute("current", current);
        model.addAttribute("breadcrumbs", regions.regionPath(region));
        model.addAttribute("nodes", regions.childNodes(region));
        model.addAttribute("occupancy", regions.occupancy(grids.gridIdsUnder(current.path())));
        if (current.level() == RegionLevel.VILLAGE) {
            model.addAttribute("grids", grids.gridsOfVillage(region));
        }
        return "territory/browse";
    }

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("results", regions.searchRegions(q, PageRequest.of(Math.max(page, 0), 20)));
        return "territory/search";
    }

    @GetMapping("/grids/{id}")
    String grid(@PathVariable long id, Model model) {
        GridDetails details = grids.gridDetails(id);
        model.addAttribute("details", details);
        model.addAttribute("breadcrumbs", regions.regionPathOfGrid(id));
        model.addAttribute("staff", accounts.findUsers(details.staffUserIds()));
        model.addAttribute("history", boundaries.boundaryHistory(id));
        model.addAttribute("zone", time.zone());
        model.addAttribute("occupancy", regions.occupancy(List.of(id)));
        if (currentUsers.require().is(Role.ADMIN)) {
            model.addAttribute("gridStaffUsers", accounts.usersWithRole(Role.GRID_STAFF));
        }
        return "territory/grid";
    }

    @GetMapping("/grids/{id}/boundary.geojson")
    ResponseEntity<String> gridGeojson(@PathVariable long id, @RequestParam(defaultValue = "false") boolean download) {
        String body = boundaries.exportGrid(id, download);
        return geojson(body, download ? grids.grid(id).code() + ".geojson" : null);
    }

    @GetMapping("/map")
    String map(@RequestParam(required = false) Long region, Model model) {
        RegionSummary current = region != null ? regions.region(region)
                : regions.roots().stream().findFirst().orElse(null);
        model.addAttribute("current", current);
        if (current != null) {
            model.addAttribute("breadcrumbs", regions.regionPath(current.id()));
            model.addAttribute("children", regions.children(current.id()));
        }
        return "territory/map";
    }

    /** The grids of a subtree for maps of any module ({@code static/js/territory-map.js}). */
    @GetMapping(value = "/map/grids.json")
    @ResponseBody
    ResponseEntity<String> mapGrids(@RequestParam long region, @RequestParam(defaultValue = "14") int zoom) {
        return geojson(boundaries.exportSubtree(region, false, zoom), null);
    }

    /** The grids around a point that the user may reach (issue form and page), for static/js/issue-map.js. */
    @GetMapping(value = "/map/around.json")
    @ResponseBody
    ResponseEntity<String> gridsAround(@RequestParam double lon, @RequestParam double lat,
            @RequestParam(defaultValue = "0.02") double radius) {
        return geojson(boundaries.gridsAround(lon, lat, radius), null);
    }

    /** The area picker's choices (static/js/area-picker.js): at most 20, within the user's scope. */
    @GetMapping(value = "/areas.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<AreaPicker.AreaOption> areas(@RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "region") String kind) {
        return areaPicker.searchAreas(q, "grid".equals(kind));
    }

    @GetMapping("/regions/{id}/grids.geojson")
    ResponseEntity<String> subtreeGeojson(@PathVariable long id) {
        RegionSummary r = regions.region(id);
        return geojson(boundaries.exportSubtree(id, true), "grids-" + r.code() + ".geojson");
    }

    private static ResponseEntity<String> geojson(String body, String filename) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(GEOJSON);
        if (filename != null) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
        }
        return response.body(body);
    }
}
