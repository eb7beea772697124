package org.gridwork.shared.photo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * gridwork.photos.*: the largest photo accepted (a plain number is bytes), the memory photo
 * decodes share in MB, and how long an upload waits for its share.
 */
@Validated
@ConfigurationProperties("gridwork.photos")
public record PhotoSettings(@NotNull @DefaultValue("10MB") @DataSizeUnit(DataUnit.BYTES) DataSize maxBytes,
        @Min(1) @DefaultValue("256") int decodeBudgetMb,
        @NotNull @DefaultValue("30s") Duration decodeWait) {
}
