package org.gridwork.datagen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Users for a generated data set, all with the demo password: {@code admin}; {@code supervisor}
 * over the whole preset (county or town); one supervisor per town ({@code sup-<town code>});
 * one grid staff member per two grids ({@code staff} and {@code staff2} on the first four grids,
 * then {@code gs-<grid code>}); {@code handler} in the police station department.
 */
final class PeopleGenerator {

    static final String PASSWORD = "gridwork-demo";

    private final JdbcTemplate jdbc;
    private final String passwordHash;

    PeopleGenerator(JdbcTemplate jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        // one hash for thousands of users: bcrypt per user would take minutes
        this.passwordHash = encoder.encode(PASSWORD);
    }

    /** Returns the staff user id responsible for each grid id. */
    Map<Long, Long> generate(Preset preset, List<TerritoryGenerator.GeneratedGrid> grids) {
        long police = jdbc.queryForObject("insert into department(code, name) values ('PCS', '派出所') returning id", Long.class);
        for (String[] d : new String[][] {{"SFS", "司法所"}, {"AJZ", "安监站"}, {"GSZ", "供水站"}}) {
            jdbc.update("insert into department(code, name) values (?, ?)", d[0], d[1]);
        }
        user("admin", "系统管理员", "ADMIN", null);
        user("handler", "赵强", "HANDLER", police);
        long supervisor = user("supervisor", "王建国", "SUPERVISOR", null);
        String top = preset.wholeCounty() ? "130528" : TerritoryGenerator.HOUKOU;
        jdbc.update("insert into region_supervisor(region_id, user_id) select id, ? from region where code = ?", supervisor, top);
        for (String town : jdbc.queryForList("select code from region where level = 'TOWN' order by code", String.class)) {
            long id = user("sup-" + town, "网格长" + town.substring(6), "SUPERVISOR", null);
            jdbc.update("insert into region_supervisor(region_id, user_id) select id, ? from region where code = ?", id, town);
        }
        Map<Long, Long> staffOfGrid = new HashMap<>();
        List<Object[]> links = new ArrayList<>();
        for (int i = 0; i < grids.size(); i += 2) {
            var first = grids.get(i);
            String username = i == 0 ? "staff" : i == 2 ? "staff2" : "gs-" + first.code();
            long id = user(username, Names.staffName(i), "GRID_STAFF", null);
            for (int j = i; j < Math.min(i + 2, grids.size()); j++) {
                staffOfGrid.put(grids.get(j).id(), id);
                links.add(new Object[] {grids.get(j).id(), id});
            }
        }
        jdbc.batchUpdate("insert into grid_staff(grid_id, user_id) values (?, ?)", links);
        return staffOfGrid;
    }

    private long user(String username, String displayName, String role, Long department) {
        return jdbc.queryForObject("insert into app_user(username, password_hash, display_name, role, department_id)"
                + " values (?, ?, ?, ?, ?) returning id", Long.class, username, passwordHash, displayName, role, department);
    }
}
