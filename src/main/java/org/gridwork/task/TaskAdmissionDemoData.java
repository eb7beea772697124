package org.gridwork.task;

import org.gridwork.shared.demo.DemoDataContributor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The demo county's 准入清单: the work grid staff may be given, each with the document that approved it. */
@Component
class TaskAdmissionDemoData implements DemoDataContributor {

    static final String DOCUMENT = "宁晋县网格化服务管理事项准入清单（2024年版）";
    static final String[] TYPES = {"特殊群体走访关爱", "矛盾纠纷排查化解", "安全隐患巡查上报", "流动人口信息采集",
        "防汛防灾入户排查", "政策法规宣传"};

    private final JdbcTemplate jdbc;

    TaskAdmissionDemoData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public void load() {
        int n = 1;
        for (String type : TYPES) {
            jdbc.update("insert into task_type(name, approving_document) values (?, ?)", type, DOCUMENT + " 第" + n++ + "项");
        }
    }

    static long typeId(JdbcTemplate jdbc, String name) {
        return jdbc.queryForObject("select id from task_type where name = ?", Long.class, name);
    }
}
