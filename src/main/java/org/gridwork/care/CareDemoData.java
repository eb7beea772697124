package org.gridwork.care;

import org.gridwork.shared.demo.DemoDataContributor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Demo care plans: the tags of the demo residents opened them; this adds the help each group gets. */
@Component
class CareDemoData implements DemoDataContributor {

    private final JdbcTemplate jdbc;

    CareDemoData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 31;
    }

    @Override
    public void load() {
        help("ELDERLY_ALONE", "上门探视、代购生活用品", "子女在外地务工，每周电话联系一次");
        help("EMPTY_NEST_ELDERLY", "定期探访、健康提醒", null);
        help("DISABLED", "残疾人两项补贴", "需要轮椅，出行不便");
        help("LEFT_BEHIND_CHILD", "学业辅导、心理关爱", "由祖辈或母亲照看");
        help("LEFT_BEHIND_WOMAN", "就业信息、技能培训", null);
        help("LOW_INCOME", "城乡低保金", "每年复核家庭收入");
        help("EXTREME_POVERTY", "特困供养金、集中或分散供养", null);
        help("SERIOUS_ILLNESS", "大病救助、医保报销协助", "按时复查");
    }

    private void help(String tag, String kind, String notes) {
        jdbc.update("update care_plan set help_kind = ?, notes = ? where tag_code = ?", kind, notes, tag);
    }
}
