package org.gridwork.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium for the whole test run (started on first use, closed at JVM exit).
 * Where Chromium is missing the browser tests are skipped with a loud message, except when they
 * are required (CI=true or -Dgridwork.browser-tests=required), where they fail.
 */
public final class Browser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static WebDriver driver;

    private Browser() {
    }

    public static synchronized WebDriver driver() {
        if (driver == null) {
            requireChromium();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--lang=zh-CN", "--window-size=1280,900",
                    // Bootstrap scrolls smoothly and animates the phone menu unless motion is reduced: a
                    // click during either lands on whatever is passing under the pointer (flaky under load)
                    "--force-prefers-reduced-motion");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> driver.quit()));
        }
        return driver;
    }

    public static void desktop() {
        driver().manage().window().setSize(new Dimension(1280, 900));
    }

    /** A 360 px wide phone screen, as grid staff use in a village lane. */
    public static void phone() {
        driver().manage().window().setSize(new Dimension(360, 740));
    }

    /**
     * Saves a screenshot under target/screenshots, and under docs/screenshots (which the README
     * shows) when run with -Dgridwork.update-screenshots=true, so a normal test run leaves the
     * working tree clean.
     */
    public static void screenshot(String name) {
        byte[] png = ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES);
        write(Path.of("target", "screenshots"), name, png);
        if (Boolean.getBoolean("gridwork.update-screenshots")) {
            write(Path.of("docs", "screenshots"), name, png);
        }
    }

    private static void write(Path dir, String name, byte[] png) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (present) {
            return;
        }
        String message = "Chromium or ChromeDriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER + "): "
                + "install Debian's chromium and chromium-driver to run the browser tests.";
        boolean required = "true".equalsIgnoreCase(System.getenv("CI"))
                || "required".equalsIgnoreCase(System.getProperty("gridwork.browser-tests"));
        if (required) {
            Assertions.fail(message);
        }
        System.err.println("\n**************** BROWSER TESTS SKIPPED ****************\n" + message
                + "\n*******************************************************\n");
        Assumptions.abort(message);
    }

    public static boolean skipRequested() {
        return "skip".equalsIgnoreCase(System.getProperty("gridwork.browser-tests"));
    }
}
