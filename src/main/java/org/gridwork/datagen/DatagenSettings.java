package org.gridwork.datagen;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/** gridwork.datagen.*: which data set to generate (town or county), from which seed, and whether to exit when done. */
@Validated
@ConfigurationProperties("gridwork.datagen")
record DatagenSettings(@NotBlank @DefaultValue("town") String preset, @DefaultValue("20261128") long seed,
        @DefaultValue("false") boolean exit) {
}
