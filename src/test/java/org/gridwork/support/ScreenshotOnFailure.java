package org.gridwork.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Keeps what the browser showed when a browser test failed: target/screenshots/FAILED-<test>.png. */
class ScreenshotOnFailure implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        try {
            Browser.screenshot("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
            System.err.println("Browser test failed on " + Browser.driver().getCurrentUrl()
                    + "; screenshot under target/screenshots");
        } catch (RuntimeException e) {
            // no browser (skipped) or it crashed: nothing to keep
        }
    }
}
