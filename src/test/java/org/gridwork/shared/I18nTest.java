package org.gridwork.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every word a user reads comes from the messages bundles, in both languages: templates hold no
 * literal text, every locale has every key, and every key a template names exists.
 */
class I18nTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final String[] LOCALES = {"zh_CN"};
    private static final Pattern TEXT_BETWEEN_TAGS = Pattern.compile(">([^<>]*)<");
    private static final Pattern LITERAL_ATTRIBUTE = Pattern.compile(
            "\\s(placeholder|title|alt|aria-label|value|data-confirm)=\"([^\"]*)\"");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)[}(]");

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : templates()) {
            String html = withoutIgnoredParts(Files.readString(template));
            Matcher text = TEXT_BETWEEN_TAGS.matcher(html);
            while (text.find()) {
                if (hasWords(text.group(1))) {
                    problems.add(TEMPLATES.relativize(template) + ": text '" + text.group(1).strip() + "'");
                }
            }
            Matcher attr = LITERAL_ATTRIBUTE.matcher(html);
            while (attr.find()) {
                if (hasWords(attr.group(2)) && !attr.group(2).startsWith("${") && !attr.group(1).equals("value")) {
                    problems.add(TEMPLATES.relativize(template) + ": attribute " + attr.group(1) + "='" + attr.group(2) + "'");
                }
            }
        }
        assertThat(problems).as("literal text in templates: use th:text=\"#{key}\"").isEmpty();
    }

    /**
     * A key defined twice silently keeps its last text (java.util.Properties): two features that chose
     * the same key would show one of them the other's message.
     */
    @Test
    void noKeyIsDefinedTwiceInOneFile() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).sorted().toList()) {
                Set<String> seen = new TreeSet<>();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String trimmed = line.strip();
                    int eq = trimmed.indexOf('=');
                    if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!") || eq < 0
                            || line.startsWith(" ") || line.startsWith("\t")) {
                        continue;
                    }
                    String key = trimmed.substring(0, eq).strip();
                    if (!seen.add(key)) {
                        problems.add(file.getFileName() + " defines " + key + " twice");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyLocaleHasEveryKeyAndNoExtraOnes() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String base : bundles()) {
            Set<String> keys = keys(MESSAGES.resolve(base + ".properties"));
            for (String locale : LOCALES) {
                Path localized = MESSAGES.resolve(base + "_" + locale + ".properties");
                if (!Files.exists(localized)) {
                    problems.add(localized + " is missing");
                    continue;
                }
                Set<String> other = keys(localized);
                for (String k : keys) {
                    if (!other.contains(k)) {
                        problems.add(localized.getFileName() + " misses " + k);
                    }
                }
                for (String k : other) {
                    if (!keys.contains(k)) {
                        problems.add(localized.getFileName() + " has " + k + " that " + base + ".properties lacks");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> all = new TreeSet<>();
        for (String base : bundles()) {
            all.addAll(keys(MESSAGES.resolve(base + ".properties")));
        }
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = MESSAGE_KEY.matcher(Files.readString(template));
            while (m.find()) {
                if (!all.contains(m.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** Where Java code names a message key: lookups, refusals, flash messages, field errors, validation messages. */
    private static final List<Pattern> JAVA_KEYS = List.of(
            Pattern.compile("getMessage\\(\\s*\"([a-z][A-Za-z0-9_.\\-]*[A-Za-z0-9_])\"\\s*[,)]"),
            Pattern.compile("new BusinessRuleException\\(\\s*\"([a-z][A-Za-z0-9_.\\-]*)\""),
            Pattern.compile("(?:addFlashAttribute|addAttribute)\\(\\s*\"(?:success|error|refusal)\"\\s*,\\s*\"([a-z][A-Za-z0-9_.\\-]*)\""),
            Pattern.compile("rejectValue\\(\\s*\"\\w+\"\\s*,\\s*\"([a-z][A-Za-z0-9_.\\-]*)\""),
            Pattern.compile("\\.reject\\(\\s*\"([a-z][A-Za-z0-9_.\\-]*)\""),
            Pattern.compile("message\\s*=\\s*\"\\{([a-z][A-Za-z0-9_.\\-]*)}\""));
    /** Keys put together in Java ({@code "issue.status." + status}): some key must start so. */
    private static final Pattern JAVA_KEY_PREFIX = Pattern.compile(
            "(?:getMessage|BusinessRuleException)\\(\\s*\"([a-z][A-Za-z0-9_.\\-]*\\.)\"\\s*\\+");

    @Test
    void everyKeyJavaCodeNamesExists() throws IOException {
        Set<String> all = new TreeSet<>();
        for (String base : bundles()) {
            all.addAll(keys(MESSAGES.resolve(base + ".properties")));
        }
        List<String> missing = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        int found = 0;
        for (Path source : sources) {
            String java = Files.readString(source);
            for (Pattern pattern : JAVA_KEYS) {
                Matcher m = pattern.matcher(java);
                while (m.find()) {
                    found++;
                    String key = m.group(1);
                    boolean known = key.endsWith(".") ? all.stream().anyMatch(k -> k.startsWith(key)) : all.contains(key);
                    if (!known) {
                        missing.add(source.getFileName() + ": " + key);
                    }
                }
            }
            Matcher prefix = JAVA_KEY_PREFIX.matcher(java);
            while (prefix.find()) {
                found++;
                String start = prefix.group(1);
                if (all.stream().noneMatch(k -> k.startsWith(start))) {
                    missing.add(source.getFileName() + ": " + start + "*");
                }
            }
        }
        assertThat(found).as("the patterns still find the keys Java names").isGreaterThan(100);
        assertThat(missing).as("message keys named in Java but in no bundle").isEmpty();
    }

    /** Scripts, styles, comments, Thymeleaf expressions and elements marked with lang="..." (language names). */
    private static String withoutIgnoredParts(String html) {
        return html.replaceAll("(?s)<!--.*?-->", "")
                .replaceAll("(?s)<script.*?</script>", "<script></script>")
                .replaceAll("(?s)<style.*?</style>", "<style></style>")
                .replaceAll("(?s)<([a-z]+)[^>]*\\slang=\"[^\"]*\"[^>]*>[^<]*</\\1>", "<x></x>")
                .replaceAll("\\[\\[.*?]]|\\[\\(.*?\\)]", "");
    }

    private static boolean hasWords(String s) {
        return s.codePoints().anyMatch(Character::isLetter) && !s.strip().startsWith("${");
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static List<String> bundles() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".properties") && !n.contains("_"))
                    .map(n -> n.substring(0, n.length() - ".properties".length()))
                    .sorted().toList();
        }
    }

    private static Set<String> keys(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
