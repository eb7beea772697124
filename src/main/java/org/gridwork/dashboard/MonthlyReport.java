package org.gridwork.dashboard;

import org.gridwork.shared.export.SpreadsheetCells;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.shared.dashboard.Figure;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly report: one table per subject (issues, care visits, tasks), a row per grid under
 * the chosen node and a total row, read from the same roll-ups as the dashboard so the numbers
 * are the dashboard's. As .xlsx (a sheet per table) or CSV (one table per file).
 */
@Service
public class MonthlyReport {

    /** The report's tables, each with its columns. */
    public enum Table {
        ISSUES, CARE, TASKS
    }

    /** One column: its header key and how a grid's (or the total's) figures give its value. */
    private record Column(String key, Function<FigureValues, Object> value) {
    }

    private final DashboardService dashboard;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    MonthlyReport(DashboardService dashboard, MessageSource messages, ApplicationEventPublisher events) {
        this.dashboard = dashboard;
        this.messages = messages;
        this.events = events;
    }

    private static List<Column> columns(Table table) {
        return switch (table) {
            case ISSUES -> List.of(
                    new Column("dashboard.figure.ISSUES_OPEN", v -> v.count(Figure.ISSUES_OPEN)),
                    new Column("dashboard.figure.ISSUES_OVERDUE", v -> v.count(Figure.ISSUES_OVERDUE)),
                    new Column("dashboard.report.closed", v -> v.base(Figure.ISSUES_ON_TIME)),
                    new Column("dashboard.report.closedOnTime", v -> v.numerator(Figure.ISSUES_ON_TIME)),
                    new Column("dashboard.figure.ISSUES_ON_TIME", v -> v.rate(Figure.ISSUES_ON_TIME)),
                    new Column("dashboard.figure.ISSUES_CLOSE_HOURS", v -> v.average(Figure.ISSUES_CLOSE_HOURS)),
                    new Column("dashboard.report.reported", v -> v.count(Figure.ISSUES_BY_CATEGORY)),
                    new Column("dashboard.report.rated", v -> v.base(Figure.PUBLIC_SATISFACTION)),
                    new Column("dashboard.figure.PUBLIC_SATISFACTION", v -> v.rate(Figure.PUBLIC_SATISFACTION)));
            case CARE -> List.of(
                    new Column("dashboard.report.carePeople", v -> v.base(Figure.CARE_COVERAGE)),
                    new Column("dashboard.report.careOnSchedule", v -> v.numerator(Figure.CARE_COVERAGE)),
                    new Column("dashboard.figure.CARE_COVERAGE", v -> v.rate(Figure.CARE_COVERAGE)));
            case TASKS -> List.of(
                    new Column("dashboard.figure.TASKS_OPEN", v -> v.count(Figure.TASKS_OPEN)),
                    new Column("dashboard.figure.TASKS_OVERDUE", v -> v.count(Figure.TASKS_OVERDUE)));
        };
    }

    /** The rows of one table: header, one per grid, the node's total last. */
    @Transactional
    public List<List<Object>> table(String nodeCode, YearMonth month, Table table, Locale locale) {
        List<Column> columns = columns(table);
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>(List.of(msg("dashboard.report.gridCode", locale),
                msg("dashboard.report.gridName", locale)));
        columns.forEach(c -> header.add(msg(c.key(), locale)));
        rows.add(header);
        for (DashboardService.GridRow grid : dashboard.grids(nodeCode, month)) {
            List<Object> row = new ArrayList<>(List.of(grid.grid().code(), grid.grid().name()));
            columns.forEach(c -> row.add(c.value().apply(grid.figures())));
            rows.add(row);
        }
        DashboardView view = dashboard.view(nodeCode, month);
        List<Object> total = new ArrayList<>(List.of(view.node().code(),
                msg("dashboard.report.total", locale) + " " + view.node().name()));
        columns.forEach(c -> total.add(c.value().apply(view.totals())));
        rows.add(total);
        return rows;
    }

    @Transactional
    public byte[] xlsx(String nodeCode, YearMonth month, Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (Table table : Table.values()) {
                Sheet sheet = book.createSheet(msg("dashboard.report.table." + table, locale));
                List<List<Object>> rows = table(nodeCode, month, table, locale);
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        Cell cell = row.createCell(c);
                        Object value = rows.get(r).get(c);
                        if (value instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else if (value != null) {
                            cell.setCellValue(SpreadsheetCells.neutralise(value.toString()));
                        }
                        if (r == 0 || r == rows.size() - 1) {
                            cell.setCellStyle(bold);
                        }
                    }
                }
                sheet.createFreezePane(2, 1);
                for (int c = 0; c < rows.get(0).size(); c++) {
                    sheet.autoSizeColumn(c);
                }
            }
            book.write(out);
            audit(nodeCode, month, "xlsx");
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One table as CSV, UTF-8 with a byte order mark so that Excel reads the Chinese names. */
    @Transactional
    public byte[] csv(String nodeCode, YearMonth month, Table table, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            for (List<Object> row : table(nodeCode, month, table, locale)) {
                // names come from people (a grid called "=HYPERLINK(...)"): neutralised like every export
                printer.printRecord(row.stream().map(v -> v == null ? "" : v instanceof Number ? v
                        : SpreadsheetCells.neutralise(v.toString())).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit(nodeCode, month, "csv " + table);
        return out.toByteArray();
    }

    private void audit(String nodeCode, YearMonth month, String format) {
        events.publishEvent(AuditEvent.of("EXPORT", "DASHBOARD_REPORT", nodeCode, "monthly report " + month + " " + format));
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
