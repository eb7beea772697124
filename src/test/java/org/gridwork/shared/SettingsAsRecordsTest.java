package org.gridwork.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import java.util.Map;

import org.gridwork.shared.web.PublicUrl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.beans.factory.annotation.Value;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Settings are read as {@code @ConfigurationProperties} records per module (README, Configuration):
 * bound and checked at start-up, with their defaults in one place. No {@code @Value} comes back.
 */
class SettingsAsRecordsTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.gridwork");

    private static final ArchCondition<JavaCodeUnit> TAKE_NO_VALUE_PARAMETER =
            new ArchCondition<>("take no @Value parameter") {
                @Override
                public void check(JavaCodeUnit unit, ConditionEvents events) {
                    boolean found = unit.getParameters().stream().anyMatch(p -> p.isAnnotatedWith(Value.class))
                            || unit.isAnnotatedWith(Value.class);
                    events.add(new SimpleConditionEvent(unit, !found, unit.getFullName() + " reads a setting with @Value"));
                }
            };

    @Test
    void thePublicUrlIsAPrefixWithoutTrailingSlashesAndEmptyWhenUnset() {
        assertThat(new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("gridwork", PublicUrl.class).base())
                .isEmpty();
        assertThat(new Binder(new MapConfigurationPropertySource(Map.of("gridwork.public-url", " https://gridwork.example.cn// ")))
                .bindOrCreate("gridwork", PublicUrl.class).base()).isEqualTo("https://gridwork.example.cn");
    }

    @Test
    void settingsAreReadAsConfigurationPropertiesRecordsNotValues() {
        noFields().should().beAnnotatedWith(Value.class)
                .because("settings are @ConfigurationProperties records (README, Configuration)").check(MAIN);
        codeUnits().should(TAKE_NO_VALUE_PARAMETER)
                .because("settings are @ConfigurationProperties records (README, Configuration)").check(MAIN);
    }
}
