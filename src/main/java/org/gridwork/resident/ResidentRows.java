package org.gridwork.resident;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;

/** Reads resident rows; the select list is shared so that every query maps the same columns. */
final class ResidentRows {

    static final String COLUMNS = "r.id, r.name, r.gender, r.birth_date, r.id_number_masked, r.phone_masked, r.grid_id,"
            + " r.address, r.status, r.household_id,"
            + " array(select t.tag_code from resident_tagging t join resident_tag g on g.code = t.tag_code"
            + "   where t.resident_id = r.id order by g.sort_order) as tags";

    static final RowMapper<ResidentSummary> SUMMARY = ResidentRows::summary;

    private ResidentRows() {
    }

    static ResidentSummary summary(ResultSet rs, int row) throws SQLException {
        return new ResidentSummary(rs.getLong("id"), rs.getString("name"), rs.getString("gender"),
                rs.getDate("birth_date").toLocalDate(), rs.getString("id_number_masked"), rs.getString("phone_masked"),
                rs.getLong("grid_id"), rs.getString("address"), ResidentStatus.valueOf(rs.getString("status")),
                (Long) rs.getObject("household_id"), strings(rs.getArray("tags")));
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

    static Double dbl(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
