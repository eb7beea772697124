package org.gridwork.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gridwork.support.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * A file over a screen's upload limit is refused with a page in the layout, in the user's
 * language, naming the limit (not Tomcat's raw 413); the division import takes files far larger
 * than the other screens; an empty file is named as empty.
 */
class UploadLimitBrowserTest extends BrowserTestSupport {

    @Test
    void anOversizedUploadIsRefusedWithAFriendlyPageAndTheDivisionImportTakesLargeFiles() throws IOException {
        Path big = junk(21 * 1024 * 1024);
        Path empty = Files.createTempFile("empty", ".csv");
        try {
            useLanguage("zh_CN");
            loginAs("admin");

            open("/admin/territory/boundaries/import");
            upload("geojson-file", big);
            assertThat(text(By.tagName("body"))).contains("文件过大", "20 MB").doesNotContain("HTTP Status");
            assertThat(browser.findElements(By.cssSelector("nav.navbar"))).as("the page is in the layout").isNotEmpty();
            assertThat(text(By.tagName("h1"))).isEqualTo("文件过大");

            open("/admin/territory/import");
            upload("division-file", big);
            assertThat(text(By.tagName("body"))).doesNotContain("文件过大");
            assertThat(browser.findElements(By.id("import-errors"))).as("read, and refused for its content").isNotEmpty();

            open("/admin/territory/import");
            upload("division-file", empty);
            assertThat(text(By.id("division-import"))).contains("所选文件是空的");
        } finally {
            Files.deleteIfExists(big);
            Files.deleteIfExists(empty);
        }
    }

    private void upload(String input, Path file) {
        WebElement field = browser.findElement(By.id(input));
        field.sendKeys(file.toAbsolutePath().toString());
        ((JavascriptExecutor) browser).executeScript(
                "document.documentElement.setAttribute('data-before-upload', 'true'); arguments[0].form.submit();", field);
        waitFor(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && !document.documentElement.hasAttribute('data-before-upload')"
                        + " && document.querySelector('h1') !== null")));
    }

    private static Path junk(int bytes) throws IOException {
        Path file = Files.createTempFile("big", ".csv");
        byte[] line = "x,y\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int written = 0; written < bytes; written += line.length) {
                out.write(line);
            }
        }
        return file;
    }
}
