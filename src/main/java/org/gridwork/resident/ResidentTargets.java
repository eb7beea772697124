package org.gridwork.resident;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.crypto.FieldEncryptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;

/**
 * Households and residents as the targets of another module's set-based work (a campaign's launch
 * writes one row per household or person with one INSERT ... SELECT): the SQL about the register's
 * tables stays here, the caller embeds the {@link Selection} it is given. Also reads and checks a
 * list of people a county department sends (ID numbers, optionally names and a note each).
 */
@Service
@Transactional(readOnly = true)
public class ResidentTargets {

    /** Largest list file taken, and most rows: a county's special list is a few thousand people. */
    public static final int MAX_LIST_BYTES = 5 * 1024 * 1024;
    public static final int MAX_LIST_ROWS = 20_000;

    private static final List<String> ID_HEADERS = List.of("身份证号", "身份证号码", "公民身份号码", "证件号码", "id_number", "id number");
    private static final List<String> NAME_HEADERS = List.of("姓名", "name");
    private static final List<String> NOTE_HEADERS = List.of("备注", "说明", "note", "notes");

    private final JdbcTemplate jdbc;
    private final FieldEncryptor crypto;
    private final ObjectMapper json;

    ResidentTargets(JdbcTemplate jdbc, FieldEncryptor crypto, ObjectMapper json) {
        this.jdbc = jdbc;
        this.crypto = crypto;
        this.json = json;
    }

    /**
     * A SELECT for another module to embed as {@code select ... from (<sql>) s}, with named
     * parameters prefixed {@code rt_}. Columns: grid_id, household_id, resident_id, address,
     * longitude, latitude, note.
     */
    public record Selection(String sql, Map<String, Object> params) {
    }

    /** Every household in these grids, at its address and point. */
    public Selection households(Collection<Long> gridIds) {
        return new Selection("""
                select h.grid_id, h.id as household_id, cast(null as bigint) as resident_id, h.address, h.longitude,
                       h.latitude, cast(null as varchar) as note
                from household h where h.grid_id in (select unnest(cast(:rt_grids as bigint[])))""",
                Map.of("rt_grids", array(gridIds)));
    }

    /** Every living resident of these grids with one of the tags, at their (or their household's) address. */
    public Selection tagged(Collection<Long> gridIds, Collection<String> tags) {
        return new Selection("""
                select r.grid_id, cast(null as bigint) as household_id, r.id as resident_id,
                       coalesce(r.address, h.address, '') as address, coalesce(r.longitude, h.longitude) as longitude,
                       coalesce(r.latitude, h.latitude) as latitude, cast(null as varchar) as note
                from resident r left join household h on h.id = r.household_id
                where r.status = 'LIVING' and r.grid_id in (select unnest(cast(:rt_grids as bigint[])))
                  and exists (select 1 from resident_tagging t where t.resident_id = r.id and t.tag_code in (:rt_tags))""",
                Map.of("rt_grids", array(gridIds), "rt_tags", List.copyOf(tags)));
    }

    /** The matched people of a checked list (still living in these grids), each with the list's note. */
    public Selection listed(Collection<Long> gridIds, ListCheck check) {
        List<Long> ids = check.matched().stream().map(Matched::residentId).toList();
        List<String> notes = check.matched().stream().map(m -> m.person().note()).toList();
        return new Selection("""
                select r.grid_id, cast(null as bigint) as household_id, r.id as resident_id,
                       coalesce(r.address, h.address, '') as address, coalesce(r.longitude, h.longitude) as longitude,
                       coalesce(r.latitude, h.latitude) as latitude, nullif(n.note, '') as note
                from unnest(cast(:rt_ids as bigint[])) with ordinality as l(id, i)
                     left join jsonb_array_elements_text(cast(:rt_notes as jsonb)) with ordinality as n(note, i) on n.i = l.i
                     join resident r on r.id = l.id left join household h on h.id = r.household_id
                where r.status = 'LIVING' and r.grid_id in (select unnest(cast(:rt_grids as bigint[])))""",
                Map.of("rt_grids", array(gridIds), "rt_ids", array(ids), "rt_notes", json.writeValueAsString(notes)));
    }

    // ---- lists from a file ---------------------------------------------------------------------

    /** One person of a list: the ID number as written, and the name and note when the list has them. */
    public record ListedPerson(int line, String idNumber, String name, String note) {
    }

    /** A person found in the register and in the area. */
    public record Matched(ListedPerson person, long residentId, long gridId, String name, String maskedId) {
    }

    /** A line left out, with the reason's message key and arguments. */
    public record Rejected(int line, String maskedId, String reasonKey, List<Object> args) {
    }

    public record ListCheck(int rows, List<Matched> matched, List<Rejected> rejected) {
    }

    /**
     * The people of an uploaded list: CSV (UTF-8, with or without BOM, or GBK as Excel writes it
     * on a Chinese Windows) or .xlsx; a header row naming an ID number column (身份证号 or
     * id_number), optionally 姓名/name and 备注/note; a file without a header is read as ID numbers
     * in the first column. Refuses (with a message) an empty, huge, unreadable or header-less file.
     */
    public List<ListedPerson> readList(byte[] content, String fileName) {
        if (content == null || content.length == 0) {
            throw new BusinessRuleException("resident.targetList.empty");
        }
        if (content.length > MAX_LIST_BYTES) {
            throw new BusinessRuleException("resident.targetList.tooBig", MAX_LIST_BYTES / 1024 / 1024);
        }
        List<ResidentSheet.Line> lines = ResidentSheet.read(content, fileName);
        if (lines.isEmpty()) {
            throw new BusinessRuleException("resident.targetList.empty");
        }
        ResidentSheet.Line first = lines.get(0);
        int id = column(first, ID_HEADERS);
        int name = column(first, NAME_HEADERS);
        int note = column(first, NOTE_HEADERS);
        List<ResidentSheet.Line> data = lines.subList(1, lines.size());
        if (id < 0) {
            if (!looksLikeIdNumber(first.cell(0))) {
                throw new BusinessRuleException("resident.targetList.noIdColumn");
            }
            // no header: ID numbers in the first column
            id = 0;
            data = lines;
        }
        if (data.isEmpty()) {
            throw new BusinessRuleException("resident.targetList.empty");
        }
        if (data.size() > MAX_LIST_ROWS) {
            throw new BusinessRuleException("resident.targetList.tooMany", MAX_LIST_ROWS);
        }
        List<ListedPerson> people = new ArrayList<>();
        for (ResidentSheet.Line l : data) {
            String n = name < 0 ? "" : l.cell(name);
            String t = note < 0 ? "" : l.cell(note);
            people.add(new ListedPerson(l.number(), l.cell(id), n.length() > 50 ? n.substring(0, 50) : n,
                    t.length() > 200 ? t.substring(0, 200) : t));
        }
        return people;
    }

    /**
     * Which people of a list are living residents of these grids. Left out, each with its reason:
     * an invalid ID number, the same number twice, a number not in the register, a person moved
     * out or deceased, registered outside the grids, or a name other than the register's.
     */
    public ListCheck check(List<ListedPerson> people, Collection<Long> gridIds, LocalDate today) {
        List<Rejected> rejected = new ArrayList<>();
        Map<String, ListedPerson> byIndex = new HashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        List<Object[]> valid = new ArrayList<>();
        for (ListedPerson p : people) {
            IdNumber number;
            try {
                number = IdNumber.parse(p.idNumber(), today);
            } catch (BusinessRuleException e) {
                rejected.add(new Rejected(p.line(), IdNumber.mask(IdNumber.normalise(p.idNumber())), e.messageKey(),
                        e.args() == null ? List.of() : List.of(e.args())));
                continue;
            }
            Integer before = firstLine.putIfAbsent(number.value(), p.line());
            if (before != null) {
                rejected.add(new Rejected(p.line(), number.masked(), "resident.targetList.duplicate", List.of(before)));
                continue;
            }
            String index = crypto.blindIndex(number.value());
            byIndex.put(index, new ListedPerson(p.line(), number.value(), p.name(), p.note()));
            valid.add(new Object[] {index, number});
        }
        Map<String, Object[]> found = new HashMap<>();
        if (!byIndex.isEmpty()) {
            jdbc.query("select id_number_index, id, grid_id, status, name from resident where id_number_index = any(?)",
                    rs -> {
                        found.put(rs.getString(1).strip(), new Object[] {rs.getLong(2), rs.getLong(3), rs.getString(4),
                                rs.getString(5)});
                    }, (Object) byIndex.keySet().toArray(new String[0]));
        }
        Set<Long> grids = new HashSet<>(gridIds);
        List<Matched> matched = new ArrayList<>();
        for (Object[] v : valid) {
            String index = (String) v[0];
            IdNumber number = (IdNumber) v[1];
            ListedPerson p = byIndex.get(index);
            Object[] r = found.get(index);
            if (r == null) {
                rejected.add(new Rejected(p.line(), number.masked(), "resident.targetList.notFound", List.of()));
            } else if (!"LIVING".equals(r[2])) {
                rejected.add(new Rejected(p.line(), number.masked(), "resident.targetList.status." + r[2], List.of()));
            } else if (!grids.contains((Long) r[1])) {
                rejected.add(new Rejected(p.line(), number.masked(), "resident.targetList.outside", List.of()));
            } else if (!p.name().isEmpty() && !sameName(p.name(), (String) r[3])) {
                rejected.add(new Rejected(p.line(), number.masked(), "resident.targetList.nameDiffers", List.of(p.name())));
            } else {
                matched.add(new Matched(p, (Long) r[0], (Long) r[1], (String) r[3], number.masked()));
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(Rejected::line));
        matched.sort(java.util.Comparator.comparingInt(m -> m.person().line()));
        return new ListCheck(people.size(), List.copyOf(matched), List.copyOf(rejected));
    }

    /** The matched people again as a list file's text (ID number, name, note), to carry from the check to the launch. */
    public static String asCsv(List<Matched> matched) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord("id_number", "name", "note");
            for (Matched m : matched) {
                printer.printRecord(m.person().idNumber(), m.person().name(), m.person().note());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The list template: a header row in Chinese (the column names in English are read too), UTF-8 with BOM. */
    public static void writeListTemplate(OutputStream out) throws IOException {
        try (ResidentSheet.RowWriter w = ResidentSheet.writer(ResidentSheet.Format.CSV, out)) {
            w.row(List.of("身份证号", "姓名", "备注"));
        }
    }

    private static int column(ResidentSheet.Line header, List<String> names) {
        for (int i = 0; i < header.cells().size(); i++) {
            String cell = header.cell(i).replace("\uFEFF", "").toLowerCase(Locale.ROOT);
            if (names.contains(cell)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean looksLikeIdNumber(String cell) {
        String v = IdNumber.normalise(cell);
        return v.length() == 18 && v.substring(0, 17).chars().allMatch(Character::isDigit);
    }

    private static boolean sameName(String listed, String registered) {
        return listed.replaceAll("\\s+", "").equals(registered == null ? "" : registered.replaceAll("\\s+", ""));
    }

    private static String array(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
