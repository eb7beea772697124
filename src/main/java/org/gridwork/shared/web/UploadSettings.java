package org.gridwork.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/** gridwork.uploads.*: the largest upload of any screen, and of the division import. */
@Validated
@ConfigurationProperties("gridwork.uploads")
public record UploadSettings(@NotNull @DefaultValue("20MB") DataSize maxSize,
        @NotNull @DefaultValue("100MB") DataSize divisionsMaxSize) {
}
