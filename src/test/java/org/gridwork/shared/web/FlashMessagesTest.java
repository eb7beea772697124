package org.gridwork.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.core.convert.ConversionService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Flash messages with arguments used to show "[Ljava.lang.Object;@688f2ee8 的新密钥：{1}": the
 * layout handed Thymeleaf an array as ONE argument. Every key the code puts into a flash (found
 * in the sources, as literals next to addFlashAttribute and in BusinessRuleExceptions, whose keys
 * reach flashes through e.messageKey()) is rendered through the real flash fragment, in both
 * languages, with its arguments passed the way controllers pass them.
 */
@IntegrationTest
class FlashMessagesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern KEY = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_-]+)+)\"");
    private static final Pattern FLASH_LINE = Pattern.compile(
            "addFlashAttribute\\(\"(success|error)\"|run\\(redirect,|refuse\\(redirect,|new BusinessRuleException\\(");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)");

    @Autowired
    SpringTemplateEngine templates;

    @Autowired
    ApplicationContext context;

    @Autowired
    ConversionService conversion;

    @Autowired
    MessageSource messages;

    @Autowired
    MockMvc mvc;

    @Test
    void everyFlashMessageRendersItsArgumentsInBothLanguages() throws IOException {
        Set<String> keys = flashKeys();
        assertThat(keys).as("flash keys found in the code").contains("issue.open311.newKey", "task.remind.sent",
                "territory.grid.created", "issue.open311.revoked");
        List<String> problems = new ArrayList<>();
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (String key : keys) {
                String pattern = messages.getMessage(key, null, null, locale);
                if (pattern == null) {
                    problems.add(key + " has no message in " + locale);
                    continue;
                }
                int count = placeholders(pattern);
                Object[] args = new Object[count];
                for (int i = 0; i < count; i++) {
                    // a number where the message formats one ("{0,number,#}"), text elsewhere
                    args[i] = pattern.contains("{" + i + ",number") ? (Object) (101 + i) : "参数" + (i + 1);
                }
                // as controllers pass them: one value on its own, several in an array, or a list
                List<Object> shapes = count == 1 ? List.of(args[0], args, List.of(args[0])) : List.of(args, List.of(args));
                for (Object shape : shapes) {
                    for (String kind : List.of("success", "error")) {
                        String html = render(kind, key, shape, locale);
                        if (html.contains("[L") || PLACEHOLDER.matcher(html).find() || html.contains("??")) {
                            problems.add(key + " (" + locale + ", " + kind + ", " + shape.getClass().getSimpleName() + "): " + html.strip());
                        }
                        Matcher used = PLACEHOLDER.matcher(pattern);
                        while (used.find()) {
                            Object arg = args[Integer.parseInt(used.group(1))];
                            if (!html.contains(arg.toString())) {
                                problems.add(key + " (" + locale + ") lost its argument " + arg + ": " + html.strip());
                            }
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aNewOpen311KeyIsShownOnceInFullWithACopyButton() throws Exception {
        jakarta.servlet.http.Cookie admin = org.gridwork.support.WebSessions.cookie(
                org.gridwork.support.WebSessions.login(mvc, "admin", "gridwork-demo"));
        MvcResult created = mvc.perform(post("/admin/open311-keys").param("channel", "街道公众号")
                .cookie(admin).with(csrf())).andReturn();
        String key = (String) created.getFlashMap().get("newKey");
        assertThat(key).hasSizeGreaterThan(20);
        // the redirect, as the browser follows it: the flash comes back from the session
        String page = mvc.perform(get(created.getResponse().getRedirectedUrl()).cookie(admin))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("已为 街道公众号 创建新密钥。").contains("value=\"" + key + "\"")
                .contains("id=\"copy-new-key\"").contains("之后不会再显示").doesNotContain("[L").doesNotContain("{1}");
        String again = mvc.perform(get("/admin/open311-keys").cookie(admin)).andReturn().getResponse().getContentAsString();
        assertThat(again).doesNotContain(key).contains("街道公众号");
    }

    private String render(String kind, String key, Object args, Locale locale) {
        Context ctx = new Context(locale);
        ctx.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, conversion));
        ctx.setVariable(kind, key);
        ctx.setVariable(kind + "Args", args);
        org.springframework.context.i18n.LocaleContextHolder.setLocale(locale);
        try {
            return templates.process("fragments/alerts", Set.of("flash"), ctx);
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }

    private static int placeholders(String pattern) {
        return new MessageFormat(pattern).getFormatsByArgumentIndex().length;
    }

    static Set<String> flashKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    Matcher flash = FLASH_LINE.matcher(line);
                    if (!flash.find()) {
                        continue;
                    }
                    Matcher key = KEY.matcher(line.substring(flash.start()));
                    while (key.find()) {
                        keys.add(key.group(1));
                    }
                }
            }
        }
        return keys;
    }
}
