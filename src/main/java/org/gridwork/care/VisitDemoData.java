package org.gridwork.care;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.gridwork.shared.demo.DemoDataContributor;
import org.gridwork.territory.DataScope;
import org.gridwork.visit.Condition;
import org.gridwork.visit.VisitDraft;
import org.gridwork.visit.VisitKind;
import org.gridwork.visit.VisitService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * A history of visits to the demo care plans, relative to today: most people visited in time,
 * some due today, some overdue, a few never visited yet. Each staff member logs their own grids.
 * In {@code care} (not {@code visit}): it walks the care plans, and visit must not depend on care,
 * which listens to {@link org.gridwork.visit.VisitLogged}.
 */
@Component
class VisitDemoData implements DemoDataContributor {

    private static final String[] FINDINGS = {"身体状况良好，生活能自理", "家中整洁，情绪稳定", "血压偏高，已提醒按时服药",
            "冬季取暖设施正常", "反映自来水压力不足", "孩子学习情况良好，与父母视频联系正常"};

    private final org.gridwork.shared.time.BusinessTime time;
    private final VisitService visits;
    private final CareService care;
    private final DataScope dataScope;
    private final UserDetailsService users;
    private final Random random = new Random(20260529L);

    VisitDemoData(VisitService visits, CareService care, DataScope dataScope, UserDetailsService users, org.gridwork.shared.time.BusinessTime time) {
        this.time = time;
        this.visits = visits;
        this.care = care;
        this.dataScope = dataScope;
        this.users = users;
    }

    @Override
    public int order() {
        return 32;
    }

    @Override
    public void load() {
        Set<Long> done = new HashSet<>();
        for (String who : List.of("staff", "staff2", "admin")) {
            runAs(who, () -> {
                List<DueVisit> due = care.due(dataScope.current(), time.today(), null, null, 100_000);
                int i = 0;
                for (DueVisit d : due) {
                    if (done.add(d.residentId())) {
                        history(d.residentId(), i++);
                    }
                }
            });
        }
    }

    /** Pattern by position: never visited (due today), due today, overdue, or visited in time. */
    private void history(long residentId, int i) {
        int interval = care.plansOf(residentId).stream().filter(CarePlanView::open)
                .mapToInt(CarePlanView::intervalDays).min().orElse(30);
        LocalDate today = time.today();
        switch (i % 7) {
            case 0 -> { } // first visit still owed
            case 1 -> log(residentId, today.minusDays(interval));
            case 2, 3 -> {
                log(residentId, today.minusDays(2L * interval + 3));
                log(residentId, today.minusDays(interval + 2L + i % 9));
            }
            default -> {
                log(residentId, today.minusDays(interval + 1L + random.nextInt(interval)));
                log(residentId, today.minusDays(random.nextInt(interval)));
            }
        }
    }

    private void log(long residentId, LocalDate on) {
        visits.log(new VisitDraft(new UUID(random.nextLong(), random.nextLong()), residentId, on,
                random.nextInt(3) == 0 ? VisitKind.ROUTINE : VisitKind.CARE, FINDINGS[random.nextInt(FINDINGS.length)],
                random.nextInt(6) == 0 ? Condition.FAIR : Condition.GOOD, null, null, null, null, List.of()));
    }

    private void runAs(String username, Runnable work) {
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
}
