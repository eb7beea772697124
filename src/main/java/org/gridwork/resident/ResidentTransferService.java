package org.gridwork.resident;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gridwork.shared.security.Authorities;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.gridwork.account.CurrentUsers;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.shared.crypto.FieldEncryptor;
import org.gridwork.territory.DataScope;
import org.gridwork.territory.GridScope;
import org.gridwork.territory.GridSummary;
import org.gridwork.territory.Grids;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Import and export of the register. An import is checked first (a report line per problem, nothing
 * saved), kept server-side under a token, and saved on confirmation; exports cover the caller's
 * grids only, with ID and phone numbers masked.
 */
@Service
@Transactional(readOnly = true)
public class ResidentTransferService {

    public enum Format { CSV, XLSX }

    /** Import columns, in template order; the header row is matched by these names. */
    static final List<String> COLUMNS = List.of("name", "id_number", "phone", "registration", "grid_code", "address",
            "longitude", "latitude", "tags", "notes");
    static final int MAX_ROWS = 20_000;

    private final ResidentService residents;
    private final ResidentTags residentTags;
    private final Grids territoryGrids;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final CurrentUsers currentUsers;
    private final DataScope dataScope;
    private final FieldEncryptor crypto;
    private final MessageSource messages;

    ResidentTransferService(ResidentService residents, ResidentTags residentTags, Grids territoryGrids,
            JdbcTemplate jdbc, ObjectMapper json,
            CurrentUsers currentUsers, DataScope dataScope, FieldEncryptor crypto, MessageSource messages) {
        this.messages = messages;
        this.dataScope = dataScope;
        this.crypto = crypto;
        this.residents = residents;
        this.residentTags = residentTags;
        this.territoryGrids = territoryGrids;
        this.jdbc = jdbc;
        this.json = json;
        this.currentUsers = currentUsers;
    }

    // ---- template and export ----------------------------------------------------------------

    public void template(Format format, OutputStream out) {
        write(format, out, w -> {
            w.row(COLUMNS);
            w.row(List.of("张三", "130528198001010016", "13800000000", "REGISTERED", "130528112201-001", "侯口一村幸福街1号",
                    "115.025", "37.590", "ELDERLY_ALONE;LOW_INCOME", ""));
        });
    }

    /** The machine-readable export: stable English column names and codes (F, LEFT_BEHIND_CHILD, LIVING). */
    public int export(ResidentQuery query, Format format, OutputStream out) {
        return export(query, format, out, null);
    }

    /**
     * Streams the residents matching the query within the caller's grids; ID and phone masked. With
     * a locale, as a person reads it: headers and values (gender, groups, status, grid by name) in
     * that language; without one, the stable machine-readable columns and codes.
     */
    public int export(ResidentQuery query, Format format, OutputStream out, Locale locale) {
        if (locale != null) {
            return exportReadable(query, format, out, locale);
        }
        Map<Long, String> gridCodes = new HashMap<>();
        territoryGrids.gridsInScope().forEach(g -> gridCodes.put(g.id(), g.code()));
        int[] count = {0};
        write(format, out, w -> {
            w.row(List.of("name", "id_number_masked", "gender", "birth_date", "phone_masked", "grid_code", "address",
                    "tags", "status"));
            residents.forEachInScope(query, r -> {
                try {
                    w.row(List.of(r.name(), r.idNumberMasked(), r.gender(), r.birthDate().format(DateTimeFormatter.ISO_DATE),
                            r.phoneMasked() == null ? "" : r.phoneMasked(), gridCodes.getOrDefault(r.gridId(), ""),
                            r.address() == null ? "" : r.address(), String.join(";", r.tags()), r.status().name()));
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        });
        residents.events().publishEvent(AuditEvent.of("EXPORT", "RESIDENT", null, count[0] + " rows " + format));
        return count[0];
    }

    private int exportReadable(ResidentQuery query, Format format, OutputStream out, Locale locale) {
        Map<Long, GridSummary> grids = new HashMap<>();
        territoryGrids.gridsInScope().forEach(g -> grids.put(g.id(), g));
        Map<String, TagSummary> tags = residentTags.tagsByCode();
        int[] count = {0};
        write(format, out, w -> {
            w.row(List.of("name", "idNumber", "gender", "birthDate", "phone", "grid", "gridCode", "address", "tags",
                    "status").stream().map(c -> messages.getMessage("resident.export.column." + c, null, locale)).toList());
            residents.forEachInScope(query, r -> {
                try {
                    GridSummary g = grids.get(r.gridId());
                    w.row(List.of(r.name(), r.idNumberMasked(),
                            messages.getMessage("resident.gender." + r.gender(), null, r.gender(), locale),
                            r.birthDate().format(DateTimeFormatter.ISO_DATE), r.phoneMasked() == null ? "" : r.phoneMasked(),
                            g == null ? "" : territoryGrids.placeName(g), g == null ? "" : g.code(),
                            r.address() == null ? "" : r.address(),
                            String.join(messages.getMessage("resident.export.tagSeparator", null, locale), r.tags().stream()
                                    .map(t -> tags.containsKey(t) ? tags.get(t).name(locale) : t).toList()),
                            messages.getMessage("resident.status." + r.status().name(), null, locale)));
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        });
        residents.events().publishEvent(AuditEvent.of("EXPORT", "RESIDENT", null, count[0] + " rows " + format));
        return count[0];
    }

    private interface Rows {
        void write(ResidentSheet.RowWriter w) throws IOException;
    }

    private static void write(Format format, OutputStream out, Rows rows) {
        try (ResidentSheet.RowWriter w = ResidentSheet.writer(ResidentSheet.Format.valueOf(format.name()), out)) {
            rows.write(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- import -----------------------------------------------------------------------------

    /** Checks a file and keeps its valid rows under a token; nothing enters the register yet. */
    @PreAuthorize(Authorities.FIELD)
    @Transactional
    public ImportPreview preview(byte[] content, String fileName) {
        List<ResidentSheet.Line> lines = ResidentSheet.read(content, fileName);
        if (lines.isEmpty()) {
            throw new BusinessRuleException("resident.import.empty");
        }
        Map<String, Integer> header = header(lines.get(0));
        List<ResidentSheet.Line> data = lines.subList(1, lines.size());
        if (data.size() > MAX_ROWS) {
            throw new BusinessRuleException("resident.import.tooMany", MAX_ROWS);
        }
        Checked checked = check(header, data);
        UUID token = UUID.randomUUID();
        List<ImportPreview.Problem> problems = checked.problems;
        Stored stored = new Stored(data.size(), checked.valid.size(), checked.valid, problems.stream()
                .map(p -> new StoredProblem(p.line(), p.column(), p.messageKey(), args(p.args()))).toList());
        // the rows hold ID and phone numbers: encrypted like the register, and gone on confirmation or
        // after a day (ImportPurgeJob)
        jdbc.update("insert into resident_import(token, created_by, file_name, valid_rows) values (?, ?, ?, ?)", token,
                currentUsers.require().id(), fileName == null || fileName.length() <= 200 ? fileName : fileName.substring(0, 200), // resident_import.file_name
                crypto.encrypt(json.writeValueAsString(stored)));
        residents.events().publishEvent(AuditEvent.of("IMPORT_PREVIEWED", "RESIDENT", null,
                fileName + ": " + checked.valid.size() + " of " + data.size() + " valid"));
        return new ImportPreview(token, fileName, data.size(), checked.valid.size(), problems, false);
    }

    /** The stored preview of one of my imports. */
    public ImportPreview preview(UUID token) {
        Object[] row = load(token);
        Stored stored = (Stored) row[0];
        return new ImportPreview(token, (String) row[1], stored.rows, stored.validCount, stored.problems.stream()
                .map(p -> new ImportPreview.Problem(p.line, p.column, p.key, p.args.toArray())).toList(), (boolean) row[2]);
    }

    /** Saves the valid rows of a checked file; rows that became invalid since (a duplicate meanwhile) are skipped. */
    @PreAuthorize(Authorities.FIELD)
    @Transactional
    public int confirm(UUID token) {
        Object[] row = load(token);
        if ((boolean) row[2]) {
            throw new BusinessRuleException("resident.import.done");
        }
        Stored stored = (Stored) row[0];
        Set<String> registered = residents.registeredIdIndexes(stored.valid.stream()
                .map(d -> residents.blindIndex(IdNumber.normalise(d.idNumber()))).toList());
        int saved = 0;
        GridScope scope = dataScope.current();
        Map<String, TagSummary> tags = residentTags.tagsByCode();
        List<ResidentService.Valid> plain = new ArrayList<>();
        List<ResidentDraft> plainDrafts = new ArrayList<>();
        for (ResidentDraft d : stored.valid) {
            if (registered.contains(residents.blindIndex(IdNumber.normalise(d.idNumber())))) {
                continue;
            }
            try {
                ResidentService.Valid v = residents.validate(d, null, false, scope);
                if (d.tags() == null || d.tags().isEmpty()) {
                    plain.add(v);
                    plainDrafts.add(d);
                } else {
                    residents.insert(v, d, tags);
                    saved++;
                }
            } catch (ResidentInvalid e) {
                // scope or territory changed since the preview: leave this row out
            }
        }
        saved += residents.insertBatch(plain, plainDrafts);
        // the rows are in the register now: keep only the counts and the problem list (for the "done" page)
        jdbc.update("update resident_import set imported_at = now(), valid_rows = ? where token = ?",
                crypto.encrypt(json.writeValueAsString(new Stored(stored.rows, stored.validCount, List.of(), stored.problems))),
                token);
        residents.events().publishEvent(AuditEvent.of("IMPORT", "RESIDENT", null, row[1] + ": " + saved + " saved"));
        return saved;
    }

    private Object[] load(UUID token) {
        long me = currentUsers.require().id();
        List<Object[]> rows = jdbc.query("select valid_rows, file_name, imported_at is not null from resident_import"
                + " where token = ? and created_by = ?", (rs, i) -> new Object[] {rs.getString(1), rs.getString(2),
                        rs.getBoolean(3)}, token, me);
        if (rows.isEmpty()) {
            throw new NotFoundException("import", token);
        }
        Object[] r = rows.get(0);
        r[0] = json.readValue(crypto.decrypt((String) r[0]), new TypeReference<Stored>() { });
        return r;
    }

    private static List<String> args(Object[] args) {
        List<String> out = new ArrayList<>();
        if (args != null) {
            for (Object a : args) {
                out.add(String.valueOf(a));
            }
        }
        return out;
    }

    /** What is kept between preview and confirmation. */
    record Stored(int rows, int validCount, List<ResidentDraft> valid, List<StoredProblem> problems) {
    }

    /** Removes import previews older than a day, confirmed or not: they hold personal data. */
    @PreAuthorize(Authorities.SYSTEM)
    @Transactional
    public int purgeStalePreviews() {
        return jdbc.update("delete from resident_import where created_at < now() - interval '1 day'");
    }

    record StoredProblem(int line, String column, String key, List<String> args) {
    }

    private record Checked(List<ResidentDraft> valid, List<ImportPreview.Problem> problems) {
    }

    private static Map<String, Integer> header(ResidentSheet.Line line) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < line.cells().size(); i++) {
            header.put(line.cell(i).toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = COLUMNS.stream().filter(c -> !header.containsKey(c))
                .filter(c -> List.of("name", "id_number").contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new BusinessRuleException("resident.import.header", String.join(", ", missing));
        }
        return header;
    }

    private Checked check(Map<String, Integer> header, List<ResidentSheet.Line> data) {
        Map<String, GridSummary> grids = new HashMap<>();
        territoryGrids.gridsInScope().forEach(g -> grids.put(g.code(), g));
        Map<String, String> tagCodes = new HashMap<>();
        residentTags.tags().forEach(t -> {
            tagCodes.put(t.code(), t.code());
            tagCodes.put(t.nameZh(), t.code());
            tagCodes.put(t.nameEn().toUpperCase(Locale.ROOT), t.code());
        });
        GridScope scope = dataScope.current();
        List<ImportPreview.Problem> problems = new ArrayList<>();
        List<ResidentDraft> valid = new ArrayList<>();
        List<Integer> validLines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ResidentSheet.Line line : data) {
            List<ImportPreview.Problem> rowProblems = new ArrayList<>();
            String gridCode = cell(line, header, "grid_code");
            Long gridId = null;
            if (!gridCode.isEmpty()) {
                GridSummary g = grids.get(gridCode);
                if (g == null) {
                    rowProblems.add(new ImportPreview.Problem(line.number(), "grid_code", "resident.import.gridUnknown",
                            new Object[] {gridCode}));
                } else {
                    gridId = g.id();
                }
            }
            Registration registration = Registration.REGISTERED;
            String reg = cell(line, header, "registration");
            if (reg.equals("流动") || reg.equals("流动人口") || reg.equalsIgnoreCase("FLOATING")) {
                registration = Registration.FLOATING;
            } else if (!reg.isEmpty() && !reg.startsWith("户籍") && !reg.equalsIgnoreCase("REGISTERED")) {
                rowProblems.add(new ImportPreview.Problem(line.number(), "registration", "resident.import.registration",
                        new Object[] {reg}));
            }
            Double lon = number(line, header, "longitude", rowProblems);
            Double lat = number(line, header, "latitude", rowProblems);
            Set<String> tags = new LinkedHashSet<>();
            for (String t : cell(line, header, "tags").split("[;；,，、|]")) {
                String key = t.strip();
                if (key.isEmpty()) {
                    continue;
                }
                String code = tagCodes.getOrDefault(key, tagCodes.get(key.toUpperCase(Locale.ROOT)));
                if (code == null) {
                    rowProblems.add(new ImportPreview.Problem(line.number(), "tags", "resident.tag.unknown",
                            new Object[] {key}));
                } else {
                    tags.add(code);
                }
            }
            ResidentDraft draft = new ResidentDraft(cell(line, header, "name"), cell(line, header, "id_number"),
                    cell(line, header, "phone"), registration, gridId, cell(line, header, "address"), lon, lat,
                    cell(line, header, "notes"), tags);
            boolean gridReported = !gridCode.isEmpty() && gridId == null;
            try {
                residents.validate(draft, null, false, scope);
            } catch (ResidentInvalid e) {
                for (ResidentInvalid.Problem p : e.problems()) {
                    if (!(gridReported && p.field().equals("gridId"))) {
                        rowProblems.add(new ImportPreview.Problem(line.number(), column(p.field()), p.messageKey(), p.args()));
                    }
                }
            }
            String norm = IdNumber.normalise(draft.idNumber());
            if (rowProblems.isEmpty()) {
                Integer first = seen.putIfAbsent(norm, line.number());
                if (first != null) {
                    rowProblems.add(new ImportPreview.Problem(line.number(), "id_number", "resident.import.duplicateInFile",
                            new Object[] {first}));
                }
            }
            if (rowProblems.isEmpty()) {
                valid.add(draft);
                validLines.add(line.number());
            }
            problems.addAll(rowProblems);
        }
        // one query for the whole file instead of one per row
        Map<String, Integer> byIndex = new HashMap<>();
        for (int i = 0; i < valid.size(); i++) {
            byIndex.put(residents.blindIndex(IdNumber.normalise(valid.get(i).idNumber())), i);
        }
        Set<String> registered = residents.registeredIdIndexes(byIndex.keySet());
        if (!registered.isEmpty()) {
            List<ResidentDraft> kept = new ArrayList<>();
            for (int i = 0; i < valid.size(); i++) {
                String idx = residents.blindIndex(IdNumber.normalise(valid.get(i).idNumber()));
                if (registered.contains(idx)) {
                    problems.add(new ImportPreview.Problem(validLines.get(i), "id_number", "resident.import.registered",
                            new Object[0]));
                } else {
                    kept.add(valid.get(i));
                }
            }
            valid = kept;
            problems.sort(java.util.Comparator.comparingInt(ImportPreview.Problem::line));
        }
        return new Checked(valid, problems);
    }

    private static String column(String field) {
        return switch (field) {
            case "idNumber" -> "id_number";
            case "gridId" -> "grid_code";
            default -> field;
        };
    }

    private static String cell(ResidentSheet.Line line, Map<String, Integer> header, String column) {
        Integer i = header.get(column);
        return i == null ? "" : line.cell(i);
    }

    private static Double number(ResidentSheet.Line line, Map<String, Integer> header, String column,
            List<ImportPreview.Problem> problems) {
        String v = cell(line, header, column);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            problems.add(new ImportPreview.Problem(line.number(), column, "resident.import.number", new Object[] {v}));
            return null;
        }
    }
}
