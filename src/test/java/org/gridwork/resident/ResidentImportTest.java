package org.gridwork.resident;

import org.gridwork.shared.security.SystemPrincipal;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.gridwork.support.IntegrationTest;
import org.gridwork.support.TestResidents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
@WithUserDetails("staff")
class ResidentImportTest {

    @Autowired ResidentTransferService transfer;
    @Autowired ResidentService residents;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void previewReportsEachBadRowByLineAndColumnAndImportsOnlyValidRowsOnConfirmation() {
        String good1 = TestResidents.nextIdNumber(LocalDate.of(1950, 5, 1), true);
        String good2 = TestResidents.nextIdNumber(LocalDate.of(1990, 7, 1), false);
        String csv = "name,id_number,phone,registration,grid_code,address,longitude,latitude,tags,notes\n"
                + "导入甲," + good1 + ",13800000001,REGISTERED,130528112201-001,幸福街9号,,,独居老人,\n"
                + "导入乙," + good2.toLowerCase() + ",,FLOATING,,光明路2号,115.025,37.590,LOW_INCOME;DISABLED,\n"
                + "坏校验,110105194912310021,,,130528112201-001,,,,,\n"
                + "旧号码,110105491231002,,,130528112201-001,,,,,\n"
                + ",130528198001010016,12345,,130528112202-001,,,,,\n"
                + "重复," + good1 + ",,,130528112201-001,,,,,\n"
                + "坏标签," + TestResidents.nextIdNumber(LocalDate.of(1960, 1, 1), true) + ",,,130528112201-001,,,,NO_SUCH,\n";
        ImportPreview preview = transfer.preview(csv.getBytes(StandardCharsets.UTF_8), "test.csv");

        assertThat(preview.rows()).isEqualTo(7);
        assertThat(preview.validRows()).isEqualTo(2);
        assertThat(preview.problems()).extracting(p -> p.line() + " " + p.column() + " " + p.messageKey())
                .contains("4 id_number resident.id.checksum", "5 id_number resident.id.legacy15",
                        "6 name resident.name.required", "6 phone resident.phone.invalid",
                        "6 grid_code resident.import.gridUnknown", "7 id_number resident.import.duplicateInFile",
                        "8 tags resident.tag.unknown");
        assertThat(residents.search(new ResidentQuery(good1, null, null, null, ResidentQuery.Sort.NAME, null, null, 10))
                .items()).as("nothing saved before confirmation").isEmpty();

        assertThat(transfer.confirm(preview.token())).isEqualTo(2);

        ResidentSummary second = residents.search(new ResidentQuery(good2, null, null, null, ResidentQuery.Sort.NAME,
                null, null, 10)).items().get(0);
        assertThat(second.name()).isEqualTo("导入乙");
        assertThat(second.tags()).containsExactlyInAnyOrder("LOW_INCOME", "DISABLED");
        assertThat(transfer.preview(preview.token()).imported()).isTrue();
    }

    @Test
    void aGbkFileFromExcelIsReadAsGbkNotAsMojibake() {
        String id = TestResidents.nextIdNumber(LocalDate.of(1954, 6, 6), false);
        String csv = "name,id_number,phone,registration,grid_code,address,longitude,latitude,tags,notes\n"
                + "张秀英," + id + ",,户籍,130528112201-001,侯口一村幸福街3号,,,,\n";
        ImportPreview preview = transfer.preview(csv.getBytes(java.nio.charset.Charset.forName("GBK")), "gbk.csv");
        assertThat(preview.problems()).isEmpty();
        assertThat(transfer.confirm(preview.token())).isEqualTo(1);
        ResidentSummary saved = residents.search(new ResidentQuery(id, null, null, null, ResidentQuery.Sort.NAME, null,
                null, 10)).items().get(0);
        assertThat(saved.name()).isEqualTo("张秀英");
        assertThat(saved.address()).isEqualTo("侯口一村幸福街3号");
    }

    @Test
    void previewsAreGoneAfterADay() {
        String id = TestResidents.nextIdNumber(LocalDate.of(1953, 5, 5), true);
        ImportPreview preview = transfer.preview(("name,id_number\n过期预览," + id + "\n").getBytes(StandardCharsets.UTF_8),
                "stale.csv");
        jdbc.update("update resident_import set created_at = now() - interval '25 hours' where token = ?", preview.token());

        SystemPrincipal.run("test set-up", () -> assertThat(transfer.purgeStalePreviews()).isGreaterThanOrEqualTo(1));
        assertThat(jdbc.queryForObject("select count(*) from resident_import where token = ?", Integer.class,
                preview.token())).isZero();
    }

    @Test
    void exportMasksIdNumbersNeutralisesFormulasAndStaysInScope() throws Exception {
        residents.register(new ResidentDraft("=HYPERLINK(\"x\")", TestResidents.nextIdNumber(LocalDate.of(1970, 2, 2), true),
                null, Registration.REGISTERED, null, "@SUM(1)", 115.025, 37.59, null, java.util.Set.of()));
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        transfer.export(ResidentQuery.all(), ResidentTransferService.Format.CSV, csv);
        String text = csv.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("'=HYPERLINK", "'@SUM(1)", "130528********")
                .doesNotContainPattern("\\d{17}[\\dX]")
                .doesNotContain("130528112202-001");

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        transfer.export(ResidentQuery.all(), ResidentTransferService.Format.XLSX, xlsx);
        try (Workbook book = WorkbookFactory.create(new java.io.ByteArrayInputStream(xlsx.toByteArray()))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("id_number_masked");
            assertThat(book.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).contains("********");
        }
    }

    @Test
    void tenThousandRowsAreCheckedAndImportedInSeconds() {
        StringBuilder csv = new StringBuilder("name,id_number,grid_code,address\n");
        LocalDate birth = LocalDate.of(1931, 1, 1);
        for (int i = 0; i < 10_000; i++) {
            LocalDate day = birth.plusDays(i / 400);
            String first17 = "130582" + day.toString().replace("-", "") + String.format("%03d", i % 400);
            csv.append("批量").append(i).append(',').append(first17).append(IdNumber.checkCharacter(first17))
                    .append(",130528112201-002,测试街\n");
        }
        long start = System.currentTimeMillis();
        ImportPreview preview = transfer.preview(csv.toString().getBytes(StandardCharsets.UTF_8), "big.csv");
        assertThat(preview.validRows()).isEqualTo(10_000);
        assertThat(transfer.confirm(preview.token())).isEqualTo(10_000);
        long seconds = (System.currentTimeMillis() - start) / 1000;
        assertThat(seconds).as("seconds for 10,000 rows").isLessThan(60);
    }
}
