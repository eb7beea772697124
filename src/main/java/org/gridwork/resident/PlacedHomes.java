package org.gridwork.resident;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.gridwork.territory.PlacedByLocation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Residents' homes and households as territory sees them when a boundary moves (the move preview). */
@Configuration(proxyBeanMethods = false)
class PlacedHomes {

    @Bean
    PlacedByLocation placedResidents(NamedParameterJdbcTemplate jdbc) {
        return new Placed(jdbc, "resident.placed.residents",
                "select id, grid_id, longitude, latitude, name from resident where status = 'LIVING' and longitude is not null",
                "/residents/");
    }

    @Bean
    PlacedByLocation placedHouseholds(NamedParameterJdbcTemplate jdbc) {
        return new Placed(jdbc, "resident.placed.households",
                "select id, grid_id, longitude, latitude, address from household where longitude is not null", null);
    }

    private record Placed(NamedParameterJdbcTemplate jdbc, String labelKey, String select, String path)
            implements PlacedByLocation {

        @Override
        public List<PlacedByLocation.Placed> placedIn(double west, double south, double east, double north,
                Collection<Long> gridIds) {
            MapSqlParameterSource p = new MapSqlParameterSource().addValue("w", west).addValue("s", south)
                    .addValue("e", east).addValue("n", north)
                    .addValue("g", gridIds.isEmpty() ? List.of(-1L) : new ArrayList<>(gridIds));
            return jdbc.query(select + " and (grid_id in (:g) or (longitude between :w and :e and latitude between :s and :n))",
                    p, (rs, i) -> new PlacedByLocation.Placed(rs.getLong(1), rs.getLong(2), rs.getDouble(3),
                            rs.getDouble(4), rs.getString(5)));
        }

        @Override
        public String link(long id) {
            return path == null ? null : path + id;
        }
    }
}
