package org.gridwork.resident;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.gridwork.shared.demo.DemoDataContributor;
import org.gridwork.territory.GridSummary;
import org.gridwork.territory.Grids;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * A few hundred synthetic residents of Houkou Town: generated names, valid ID numbers of Ningjin
 * County (130528), households living at a point inside each demo grid, and special-group tags
 * (which open care plans). A fixed seed makes every demo database the same.
 */
@Component
class ResidentDemoData implements DemoDataContributor {

    static final String AREA = "130528";
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林侯董韩曹";
    private static final String GIVEN = "建国华明丽芳秀英军伟强磊静敏燕红霞平刚桂兰玉珍志勇春梅海涛文杰淑云凤霞子轩浩然欣怡梓涵";
    private static final String[] STREETS = {"幸福街", "光明路", "团结巷", "和平街", "建设路", "东大街", "西大街", "南关街"};
    private static final double WEST = 115.02;
    private static final double NORTH = 37.60;

    private final org.gridwork.shared.time.BusinessTime time;
    private final ResidentService residents;
    private final Households households;
    private final Grids grids;
    private final UserDetailsService users;
    private final Random random = new Random(20260528L);
    private final Set<String> usedIds = new HashSet<>();

    ResidentDemoData(ResidentService residents, Households households, Grids grids, UserDetailsService users,
            org.gridwork.shared.time.BusinessTime time) {
        this.time = time;
        this.residents = residents;
        this.households = households;
        this.grids = grids;
        this.users = users;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void load() {
        runAs("admin", () -> {
            for (int village = 0; village < 12; village++) {
                String code = "130528112" + (201 + village);
                for (int seq = 1; seq <= 2; seq++) {
                    GridSummary grid = grids.findGridByCode(code + "-00" + seq).orElseThrow();
                    double west = WEST + (village % 4) * 0.03 + (seq - 1) * 0.015;
                    double north = NORTH - (village / 4) * 0.025;
                    int households = village < 2 ? 10 : 6;
                    for (int h = 0; h < households; h++) {
                        household(grid, west + 0.001 + random.nextDouble() * 0.013, north - 0.001 - random.nextDouble() * 0.023, h);
                    }
                }
            }
        });
    }

    /** Runs demo loading as a demo user, so that the services' data scope checks apply as usual. */
    static void runAs(UserDetailsService users, String username, Runnable work) {
        UserDetails who = users.loadUserByUsername(username);
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(who, null, who.getAuthorities()));
        try {
            work.run();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private void runAs(String username, Runnable work) {
        runAs(users, username, work);
    }

    private void household(GridSummary grid, double lon, double lat, int index) {
        String surname = String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        String address = grid.name().replace("第一网格", "").replace("第二网格", "")
                + STREETS[random.nextInt(STREETS.length)] + (index * 3 + 1 + random.nextInt(3)) + "号";
        int kind = random.nextInt(6);
        LocalDate today = time.today();
        if (kind == 0) { // elderly living alone
            long head = person(grid, surname, today.minusYears(68 + random.nextInt(20)), random.nextBoolean(), address,
                    lon, lat, Set.of("ELDERLY_ALONE"));
            households.startHousehold(head);
            return;
        }
        boolean elderly = kind == 1;
        int headAge = elderly ? 66 + random.nextInt(15) : 32 + random.nextInt(20);
        Set<String> headTags = new LinkedHashSet<>();
        if (elderly) {
            headTags.add("EMPTY_NEST_ELDERLY");
        }
        if (random.nextInt(8) == 0) {
            headTags.add("LOW_INCOME");
        }
        if (random.nextInt(12) == 0) {
            headTags.add("SERIOUS_ILLNESS");
        }
        long head = person(grid, surname, today.minusYears(headAge).minusDays(random.nextInt(360)), true, address, lon,
                lat, headTags);
        long householdId = households.startHousehold(head);
        Set<String> spouseTags = new LinkedHashSet<>();
        boolean workerAway = !elderly && kind == 2;
        if (workerAway) {
            spouseTags.add("LEFT_BEHIND_WOMAN");
        }
        if (random.nextInt(15) == 0) {
            spouseTags.add("DISABLED");
        }
        String spouseSurname = String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        member(householdId, grid, spouseSurname, today.minusYears(headAge - 2).minusDays(random.nextInt(360)), false,
                address, lon, lat, spouseTags, Relation.SPOUSE);
        if (!elderly) {
            int children = 1 + random.nextInt(2);
            for (int c = 0; c < children; c++) {
                Set<String> childTags = workerAway && random.nextBoolean() ? Set.of("LEFT_BEHIND_CHILD") : Set.of();
                member(householdId, grid, surname, today.minusYears(4 + random.nextInt(12)).minusDays(random.nextInt(360)),
                        random.nextBoolean(), address, lon, lat, childTags, Relation.CHILD);
            }
        }
    }

    private void member(long householdId, GridSummary grid, String surname, LocalDate birth, boolean male, String address,
            double lon, double lat, Set<String> tags, Relation relation) {
        person(grid, surname, birth, male, address, lon, lat, tags);
        households.addMember(householdId, lastId, relation);
    }

    /** The ID number of the person registered last, to add them to their household. */
    private String lastId;

    private long person(GridSummary grid, String surname, LocalDate birth, boolean male, String address, double lon,
            double lat, Set<String> tags) {
        String name = surname + GIVEN.charAt(random.nextInt(GIVEN.length()))
                + (random.nextInt(3) == 0 ? "" : String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))));
        lastId = idNumber(birth, male);
        String phone = birth.isBefore(time.today().minusYears(18))
                ? "13" + (random.nextInt(10)) + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000)) : null;
        return residents.register(new ResidentDraft(name, lastId, phone,
                random.nextInt(10) == 0 ? Registration.FLOATING : Registration.REGISTERED, grid.id(), address, lon, lat,
                null, tags));
    }

    /** A valid, unique ID number of Ningjin County for this birth date and gender. */
    String idNumber(LocalDate birth, boolean male) {
        while (true) {
            int seq = random.nextInt(500) * 2 + (male ? 1 : 0);
            String first17 = AREA + String.format(Locale.ROOT, "%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                    birth.getDayOfMonth(), seq);
            String id = first17 + IdNumber.checkCharacter(first17);
            if (usedIds.add(id)) {
                return id;
            }
        }
    }
}
