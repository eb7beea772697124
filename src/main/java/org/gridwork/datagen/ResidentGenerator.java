package org.gridwork.datagen;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.gridwork.resident.IdNumber;
import org.gridwork.shared.text.PhoneNumber;
import org.gridwork.resident.PinyinInitials;
import org.gridwork.shared.crypto.FieldEncryptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Households and residents spread over the grids, homes at random points inside their grid, ages
 * and special-group tags in plausible shares, a care plan per tag, and visits going back over the
 * preset's history at roughly the tag's interval (some plans left overdue).
 */
@Component
@Profile("datagen")
@Order(1)
class ResidentGenerator implements ResidentDataGenerator {

    /** Allocated mobile prefixes only: PhoneNumber refuses numbers no operator owns (179…, 140…). */
    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "135", "136", "137", "138", "139",
            "150", "151", "152", "155", "156", "157", "158", "159", "180", "181", "182", "185", "186", "187", "188", "189"};


    private static final Logger log = LoggerFactory.getLogger(ResidentGenerator.class);
    private static final String[] STREETS = {"东街", "西街", "南街", "北街", "前街", "后街", "中心街", "新华路", "建设路", "幸福巷"};
    private static final String[] KINDS = {"ROUTINE", "CARE", "CARE", "CARE", "FOLLOW_UP", "EPIDEMIC_CHECK"};
    private static final String[] FINDINGS = {"身体状况良好，生活能自理。", "家中整洁，饮食正常。", "反映取暖设施老化。",
        "血压偏高，已提醒按时服药。", "子女每周电话联系。", "需要协助办理医保报销。", "情绪稳定，与邻里关系和睦。"};
    private static final String[] CONDITIONS = {"GOOD", "GOOD", "GOOD", "FAIR", "FAIR", "POOR"};

    private final org.gridwork.shared.time.BusinessTime time;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final FieldEncryptor crypto;

    ResidentGenerator(DataSource dataSource, JdbcTemplate jdbc, FieldEncryptor crypto, org.gridwork.shared.time.BusinessTime time) {
        this.time = time;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.crypto = crypto;
    }

    private record Plan(long id, long residentId, long householdId, long gridId, int interval, LocalDate lastVisit) {
    }

    @Override
    public void generate(Preset preset, Random random, List<TerritoryGenerator.GeneratedGrid> grids, Map<Long, Long> staffOfGrid) {
        LocalDate today = time.today();
        Map<String, Integer> intervals = new java.util.HashMap<>();
        jdbc.query("select code, visit_interval_days from resident_tag", rs -> {
            intervals.put(rs.getString(1), rs.getInt(2));
        });
        Ids ids = new Ids(random);
        List<Plan> plans = new ArrayList<>();
        long residentId = 0;
        long householdId = 0;
        long planId = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (CopyWriter households = new CopyWriter("household", "id, grid_id, address, longitude, latitude");
                    CopyWriter residents = new CopyWriter("resident", "id, name, name_initials, name_initials_keys, gender, birth_date, id_number_enc,"
                            + " id_number_index, id_number_masked, phone_enc, phone_index, phone_masked, registration,"
                            + " household_id, relation_to_head, grid_id, address, longitude, latitude, status, updated_at");
                    CopyWriter tagging = new CopyWriter("resident_tagging", "resident_id, tag_code");
                    CopyWriter care = new CopyWriter("care_plan", "id, resident_id, grid_id, tag_code,"
                            + " responsible_user_id, interval_days, next_due, last_visit_on, help_kind")) {
                int perGrid = Math.max(1, preset.residents() / grids.size());
                for (var grid : grids) {
                    int target = (int) (perGrid * (0.7 + random.nextDouble() * 0.6));
                    int number = 1;
                    String street = STREETS[random.nextInt(STREETS.length)];
                    for (int inGrid = 0; inGrid < target; ) {
                        householdId++;
                        double lon = grid.west() + (0.02 + random.nextDouble() * 0.96) * (grid.east() - grid.west());
                        double lat = grid.south() + (0.02 + random.nextDouble() * 0.96) * (grid.north() - grid.south());
                        String address = street + (number++) + "号";
                        households.row(householdId, grid.id(), address, lon, lat);
                        String surname = Names.person(random, true).substring(0, 1);
                        int size = 1 + random.nextInt(5);
                        int headAge = 28 + random.nextInt(55);
                        for (int m = 0; m < size; m++, inGrid++) {
                            residentId++;
                            String relation = m == 0 ? "HEAD" : m == 1 ? "SPOUSE" : headAge > 60 && m == 2 ? "GRANDCHILD" : "CHILD";
                            boolean male = m == 0 ? random.nextInt(100) < 70 : m == 1 ? random.nextInt(100) < 30 : random.nextBoolean();
                            int age = switch (relation) {
                                case "HEAD" -> headAge;
                                case "SPOUSE" -> Math.max(18, headAge - 5 + random.nextInt(10));
                                case "GRANDCHILD" -> random.nextInt(14);
                                default -> Math.max(0, headAge - 22 - random.nextInt(12));
                            };
                            LocalDate birth = today.minusYears(age).minusDays(random.nextInt(365));
                            String name = (relation.equals("SPOUSE") ? Names.person(random, male).substring(0, 1) : surname)
                                    + Names.person(random, male).substring(1);
                            String id = ids.next(birth, male);
                            String phone = age >= 16 && random.nextInt(100) < 85
                                    ? MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)]
                                            + String.format("%08d", random.nextInt(100_000_000)) : null;
                            int roll = random.nextInt(1000);
                            String status = roll < 20 ? "MOVED_OUT" : roll < 30 ? "DECEASED" : "LIVING";
                            residents.row(residentId, name, PinyinInitials.of(name), PinyinInitials.keysLiteral(name), male ? "M" : "F", birth, crypto.encrypt(id), crypto.blindIndex(id),
                                    IdNumber.mask(id), crypto.encrypt(phone), crypto.blindIndex(PhoneNumber.e164(phone)), PhoneNumber.mask(phone),
                                    random.nextInt(100) < 90 ? "REGISTERED" : "FLOATING", householdId, relation, grid.id(),
                                    address, lon, lat, status, time.now());
                            if (!status.equals("LIVING")) {
                                continue;
                            }
                            for (String tag : tags(random, age, male, size)) {
                                tagging.row(residentId, tag);
                                int interval = intervals.getOrDefault(tag, 30);
                                // about one plan in eight is overdue; the rest were visited within their interval
                                int sinceVisit = random.nextInt(8) == 0 ? interval + 1 + random.nextInt(interval * 2)
                                        : random.nextInt(interval + 1);
                                LocalDate last = today.minusDays(sinceVisit);
                                planId++;
                                care.row(planId, residentId, grid.id(), tag, staffOfGrid.get(grid.id()), interval,
                                        last.plusDays(interval), last, "定期走访");
                                plans.add(new Plan(planId, residentId, householdId, grid.id(), interval, last));
                            }
                        }
                    }
                }
                households.load(c);
                residents.load(c);
                tagging.load(c);
                care.load(c);
            }
            c.commit();
            log.info("datagen: {} residents in {} households, {} care plans", residentId, householdId, planId);
            long visits = visits(c, preset, random, plans, staffOfGrid, today);
            c.commit();
            log.info("datagen: {} visits", visits);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        for (String table : new String[] {"household", "resident", "care_plan"}) {
            jdbc.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select coalesce(max(id), 1) from " + table + "))");
        }
    }

    private long visits(Connection c, Preset preset, Random random, List<Plan> plans, Map<Long, Long> staffOfGrid,
            LocalDate today) throws java.sql.SQLException {
        LocalDate first = today.minusDays(preset.historyDays());
        long budgetPerPlan = Math.max(1, preset.visits() / Math.max(1, plans.size()));
        long id = 0;
        try (CopyWriter visits = new CopyWriter("visit", "id, resident_id, household_id, grid_id, staff_user_id,"
                + " visited_on, kind, findings, condition, needs, idempotency_key, created_at")) {
            for (Plan plan : plans) {
                LocalDate on = plan.lastVisit();
                for (long n = 0; n < budgetPerPlan && !on.isBefore(first) && id < preset.visits(); n++) {
                    id++;
                    visits.row(id, plan.residentId(), plan.householdId(), plan.gridId(), staffOfGrid.get(plan.gridId()), on,
                            KINDS[random.nextInt(KINDS.length)], FINDINGS[random.nextInt(FINDINGS.length)],
                            CONDITIONS[random.nextInt(CONDITIONS.length)], null,
                            new UUID(random.nextLong(), random.nextLong()), on.atTime(9 + random.nextInt(8), 0)
                                    .atZone(time.zone()).toInstant());
                    on = on.minusDays(Math.max(1, plan.interval() - 2 + random.nextInt(5)));
                }
            }
            visits.load(c);
        }
        jdbc.execute("select setval(pg_get_serial_sequence('visit', 'id'), " + Math.max(1, id) + ")");
        return id;
    }

    private static List<String> tags(Random random, int age, boolean male, int householdSize) {
        List<String> tags = new ArrayList<>(2);
        int r = random.nextInt(1000);
        if (age >= 70 && householdSize == 1 && r < 600) {
            tags.add("ELDERLY_ALONE");
        } else if (age >= 65 && r < 250) {
            tags.add("EMPTY_NEST_ELDERLY");
        }
        if (age < 16 && random.nextInt(100) < 12) {
            tags.add("LEFT_BEHIND_CHILD");
        }
        if (!male && age >= 25 && age <= 50 && random.nextInt(100) < 6) {
            tags.add("LEFT_BEHIND_WOMAN");
        }
        int s = random.nextInt(1000);
        if (s < 20) {
            tags.add("DISABLED");
        } else if (s < 45) {
            tags.add("LOW_INCOME");
        } else if (s < 50) {
            tags.add("EXTREME_POVERTY");
        } else if (s < 60) {
            tags.add("SERIOUS_ILLNESS");
        }
        return tags;
    }
}
