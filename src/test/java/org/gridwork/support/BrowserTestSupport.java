package org.gridwork.support;


import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of the browser tests: a real Chromium against the app on its random port. */
@IntegrationTest
@Tag("browser")
@org.junit.jupiter.api.extension.ExtendWith(ScreenshotOnFailure.class)
public abstract class BrowserTestSupport {

    public static final String DEMO_PASSWORD = "gridwork-demo";

    @LocalServerPort
    protected int port;

    protected WebDriver browser;

    @BeforeEach
    void startBrowser() {
        Assumptions.assumeFalse(Browser.skipRequested(), "browser tests skipped by -Dgridwork.browser-tests=skip");
        browser = Browser.driver();
        Browser.desktop();
        browser.manage().deleteAllCookies();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void open(String path) {
        browser.get(url(path));
    }

    /** Logs in through the login page, in Chinese unless a language is chosen first. */
    protected void loginAs(String username) {
        loginAs(username, DEMO_PASSWORD);
    }

    protected void loginAs(String username, String password) {
        open("/login");
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        // the click does not wait for the redirect: wait, or the next get() races with it
        waitFor(d -> !d.getCurrentUrl().contains("/login") || d.getCurrentUrl().contains("error")
                || !d.findElements(By.id("login-error")).isEmpty());
    }

    protected void useLanguage(String lang) {
        open("/login?lang=" + lang);
    }

    protected void logout() {
        WebElement toggler = browser.findElement(By.cssSelector(".navbar-toggler"));
        if (toggler.isDisplayed()) {
            toggler.click();
        }
        waitFor(ExpectedConditions.elementToBeClickable(By.id("current-user"))).click();
        WebElement logout = waitFor(ExpectedConditions.elementToBeClickable(By.id("logout")));
        // on a phone the opened menu can reach below a page's sticky action bar: bring it to the middle
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", logout);
        waitFor(ExpectedConditions.elementToBeClickable(logout)).click();
        waitFor(ExpectedConditions.urlContains("/login"));
    }

    protected <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        // a page replaced by a redirect mid-check leaves stale elements: look again rather than fail
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    protected String text(By by) {
        return browser.findElement(by).getText();
    }

}
