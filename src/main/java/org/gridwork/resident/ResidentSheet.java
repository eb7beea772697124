package org.gridwork.resident;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gridwork.shared.BusinessRuleException;

/** Reading and writing rows of text as CSV (UTF-8 with BOM, which Excel opens right) or .xlsx. */
final class ResidentSheet {

    enum Format { CSV, XLSX }

    /** A row of cells and its line in the file (1 = the header). */
    record Line(int number, List<String> cells) {
        String cell(int i) {
            return i < cells.size() && cells.get(i) != null ? cells.get(i).strip() : "";
        }
    }

    private ResidentSheet() {
    }

    static List<Line> read(byte[] content, String fileName) {
        if (content == null || content.length == 0) {
            throw new BusinessRuleException("resident.import.empty");
        }
        boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K';
        try {
            return zip ? readXlsx(content) : readCsv(content);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BusinessRuleException b) {
                throw b;
            }
            throw new BusinessRuleException("resident.import.unreadable");
        }
    }

    private static List<Line> readCsv(byte[] content) throws IOException {
        int skip = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get()
                .parse(new java.io.StringReader(text(content, skip)))) {
            for (CSVRecord r : parser) {
                lines.add(new Line((int) r.getRecordNumber(), r.toList()));
            }
        }
        return lines;
    }

    /**
     * The file's text: UTF-8 when it is valid UTF-8; otherwise the GB18030 family (GBK, GB2312), which
     * is what Excel and WPS write for "CSV" on a Chinese Windows; read as UTF-8, such a file turned
     * every name into replacement characters.
     */
    static String text(byte[] content, int offset) {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(content, offset, content.length - offset);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            try {
                return java.nio.charset.Charset.forName("GB18030").newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(content, offset, content.length - offset)).toString();
            } catch (java.nio.charset.CharacterCodingException neither) {
                throw new BusinessRuleException("resident.import.encoding");
            }
        }
    }

    private static List<Line> readXlsx(byte[] content) throws IOException {
        List<Line> lines = new ArrayList<>();
        DataFormatter text = new DataFormatter();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                boolean any = false;
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    Cell cell = row.getCell(c);
                    String v = cell == null ? "" : text.formatCellValue(cell);
                    any |= !v.isBlank();
                    cells.add(v);
                }
                if (any) {
                    lines.add(new Line(row.getRowNum() + 1, cells));
                }
            }
        }
        return lines;
    }

    /** A writer of rows in the given format; every cell is neutralised against spreadsheet formulas. */
    interface RowWriter extends AutoCloseable {
        void row(List<String> cells) throws IOException;

        @Override
        void close() throws IOException;
    }

    static RowWriter writer(Format format, OutputStream out) throws IOException {
        if (format == Format.CSV) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(w, CSVFormat.DEFAULT);
            return new RowWriter() {
                public void row(List<String> cells) throws IOException {
                    printer.printRecord(cells.stream().map(ResidentSheet::neutralise).toList());
                }

                public void close() throws IOException {
                    printer.flush();
                    w.flush();
                }
            };
        }
        SXSSFWorkbook book = new SXSSFWorkbook(200);
        Sheet sheet = book.createSheet("residents");
        int[] next = {0};
        return new RowWriter() {
            public void row(List<String> cells) {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < cells.size(); i++) {
                    row.createCell(i).setCellValue(neutralise(cells.get(i)));
                }
            }

            public void close() throws IOException {
                book.write(out);
                book.close();
            }
        };
    }

    /** An empty cell for null; formulas neutralised by the one neutraliser of every export. */
    static String neutralise(String v) {
        return org.gridwork.shared.export.SpreadsheetCells.neutralise(v);
    }
}
