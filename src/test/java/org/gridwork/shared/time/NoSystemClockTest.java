package org.gridwork.shared.time;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Business time is Beijing time whatever zone the server runs in: nothing in the application may
 * read the JVM's default zone or the system clock except through the one {@link Clock} bean
 * ({@link TimeConfig}) and {@link BusinessTime}. {@code LocalDate.now(clock)} is allowed.
 */
class NoSystemClockTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.gridwork");

    private static final Set<Class<?>> LOCAL_TYPES = Set.of(LocalDate.class, LocalDateTime.class, LocalTime.class,
            ZonedDateTime.class, OffsetDateTime.class, YearMonth.class, Year.class);

    private static final DescribedPredicate<JavaMethodCall> READS_THE_JVM_ZONE_OR_SYSTEM_CLOCK =
            DescribedPredicate.describe("read the JVM's default zone or the system clock", call -> {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                boolean localNow = LOCAL_TYPES.stream().anyMatch(t -> t.getName().equals(owner)) && name.equals("now")
                        && !(call.getTarget().getRawParameterTypes().size() == 1
                                && call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(Clock.class));
                boolean systemClock = owner.equals(Clock.class.getName()) && name.startsWith("system");
                boolean defaultZone = owner.equals(ZoneId.class.getName()) && name.equals("systemDefault")
                        || owner.equals(TimeZone.class.getName()) && name.equals("getDefault");
                return localNow || systemClock || defaultZone;
            });

    @Test
    void nothingButTheClockBeanReadsTheSystemClockOrTheJvmZone() {
        noClasses().that().doNotHaveFullyQualifiedName(TimeConfig.class.getName())
                .should().callMethodWhere(READS_THE_JVM_ZONE_OR_SYSTEM_CLOCK)
                .because("business time comes from the Clock bean in gridwork.time-zone (BusinessTime), never the server's zone")
                .check(MAIN);
    }
}
