package org.gridwork.campaign;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gridwork.shared.export.SpreadsheetCells;
import org.springframework.context.MessageSource;

/**
 * The export of a campaign's answers and of its summary: CSV (UTF-8 with a BOM, so Excel and WPS
 * read Chinese) or XLSX (streamed), headers and values in the reader's language, every cell
 * neutralised against formulas.
 */
public final class AnswerSheet {

    public enum Format { CSV, XLSX }

    /** One target's line: place, masked name, address, status and counts, answers by question code. */
    record Line(String grid, String name, String address, TargetStatus status, int attempts, int problems, int issues,
            String lastAt, Map<String, List<String>> answers) {
    }

    /** Writes cells; answers come as lines of a target. */
    public static final class Writer implements AutoCloseable {

        private final Cells cells;
        private final MessageSource messages;

        Writer(Cells cells, MessageSource messages) {
            this.cells = cells;
            this.messages = messages;
        }

        public static Writer open(Format format, OutputStream out, String sheetName, MessageSource messages)
                throws IOException {
            return new Writer(cells(format, out, sheetName), messages);
        }

        void header(ChecklistForm form, Locale locale) throws IOException {
            List<String> h = new ArrayList<>();
            for (String key : List.of("grid", "name", "address", "status", "attempts", "problems", "issues", "lastAt")) {
                h.add(messages.getMessage("campaign.export." + key, null, locale));
            }
            form.questions().forEach(q -> h.add(q.label(locale)));
            cells.row(h);
        }

        void row(Line line, ChecklistForm form, Locale locale) throws IOException {
            List<String> r = new ArrayList<>(List.of(line.grid(), line.name(), line.address(),
                    messages.getMessage("campaign.status." + line.status(), null, locale), String.valueOf(line.attempts()),
                    String.valueOf(line.problems()), String.valueOf(line.issues()), line.lastAt()));
            for (Question q : form.questions()) {
                List<String> values = line.answers().getOrDefault(q.code(), List.of());
                r.add(q.kind() == QuestionKind.PHOTO ? (values.isEmpty() ? "" : messages.getMessage("campaign.export.photo", null, locale))
                        : values.stream().map(v -> q.choiceLabel(v, locale)).collect(Collectors.joining("; ")));
            }
            cells.row(r);
        }

        /** The per-question summary: question, answer, count (and answered / problems per question). */
        public void summary(List<QuestionSummary> summary, Locale locale) throws IOException {
            cells.row(List.of(msg("summary.number", locale), msg("summary.question", locale), msg("summary.answer", locale),
                    msg("summary.count", locale)));
            for (QuestionSummary s : summary) {
                String n = String.valueOf(s.number());
                String label = s.question().label(locale);
                cells.row(List.of(n, label, msg("summary.answered", locale), String.valueOf(s.answered())));
                for (QuestionSummary.Line l : s.lines()) {
                    cells.row(List.of(n, label, l.label(), String.valueOf(l.count())));
                }
                if (s.question().hasProblemRule()) {
                    cells.row(List.of(n, label, msg("summary.problems", locale), String.valueOf(s.problems())));
                }
            }
        }

        private String msg(String key, Locale locale) {
            return messages.getMessage("campaign." + key, null, locale);
        }

        @Override
        public void close() throws IOException {
            cells.close();
        }
    }

    interface Cells extends AutoCloseable {
        void row(List<String> values) throws IOException;

        @Override
        void close() throws IOException;
    }

    private static Cells cells(Format format, OutputStream out, String sheetName) throws IOException {
        if (format == Format.CSV) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            java.io.Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(w, CSVFormat.DEFAULT);
            return new Cells() {
                public void row(List<String> values) throws IOException {
                    printer.printRecord(values.stream().map(SpreadsheetCells::neutralise).toList());
                }

                public void close() throws IOException {
                    printer.flush();
                    w.flush();
                }
            };
        }
        SXSSFWorkbook book = new SXSSFWorkbook(200);
        Sheet sheet = book.createSheet(sheetName);
        int[] next = {0};
        return new Cells() {
            public void row(List<String> values) {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < values.size(); i++) {
                    row.createCell(i).setCellValue(SpreadsheetCells.neutralise(values.get(i)));
                }
            }

            public void close() throws IOException {
                book.write(out);
                book.close();
            }
        };
    }

    private AnswerSheet() {
    }
}
