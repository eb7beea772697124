package org.gridwork.territory.web;

import java.io.IOException;
import java.io.InputStream;

import org.gridwork.territory.DivisionImportReport;
import org.gridwork.territory.DivisionImporter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Upload of an administrative divisions CSV; the page then shows what was done or what is wrong. */
@Controller
@RequestMapping("/admin/territory/import")
class DivisionImportController {

    private final DivisionImporter importer;

    DivisionImportController(DivisionImporter importer) {
        this.importer = importer;
    }

    @GetMapping
    String form() {
        return "territory/import";
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            // a chosen file with nothing in it is named as empty, not as "no file chosen"
            boolean chosen = file != null && file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
            model.addAttribute("fileError", chosen ? "territory.import.emptyFile" : "territory.import.chooseFile");
            return "territory/import";
        }
        DivisionImportReport report;
        try (InputStream in = file.getInputStream()) {
            report = importer.importCsv(in);
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("report", report);
        return "territory/import";
    }
}
