package org.gridwork.territory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * gridwork.area-filter.*: a select with more options than {@code maxOptions} is hard to use and
 * slow to render, so the area filter asks to narrow it first.
 */
@Validated
@ConfigurationProperties("gridwork.area-filter")
record AreaFilterSettings(@Min(2) @DefaultValue("60") int maxOptions) {
}
